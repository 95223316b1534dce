import type { TClientBlock, TClientDocument, TClientText } from "@runder-tisch/contracts";

const RIGHT_TO_LEFT = new Set(["ar", "fa"]);

/**
 * One piece of the document in its own language, so screen readers switch
 * voice; German free text in an Arabic document keeps its own direction.
 */
function Words({ text }: { text: TClientText }) {
  return (
    <>
      <span lang={text.lang} dir={RIGHT_TO_LEFT.has(text.lang) ? "rtl" : "ltr"}>
        {text.text}
      </span>
      {text.mark ? (
        <>
          {" "}
          <span className="client-doc-mark" lang={text.mark.lang}>
            ({text.mark.text})
          </span>
        </>
      ) : null}
    </>
  );
}

function Block({ block }: { block: TClientBlock }) {
  switch (block.type) {
    case "heading":
      return (
        <h3>
          <Words text={block.text} />
        </h3>
      );
    case "paragraph":
      return (
        <p>
          <Words text={block.text} />
        </p>
      );
    case "notice":
      return (
        <p className="client-doc-notice">
          <Words text={block.text} />
        </p>
      );
    case "list":
      return (
        <ul>
          {block.items.map((item, index) => (
            // The items have no identity of their own; their order is fixed.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              <Words text={item} />
            </li>
          ))}
        </ul>
      );
    case "facts":
      return (
        <div className="client-doc-facts">
          {block.title ? (
            <p className="client-doc-facts-title">
              <Words text={block.title} />
            </p>
          ) : null}
          <dl>
            {block.rows.map((row) => (
              <div key={row.label.text}>
                <dt>
                  <Words text={row.label} />
                </dt>
                <dd>
                  <Words text={row.value} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      );
  }
}

/** The document as the person will read it, in its language and direction. */
export function ClientDocumentView({ document }: { document: TClientDocument }) {
  return (
    <article className="client-doc" lang={document.lang} dir={document.dir}>
      <h2>
        <Words text={document.title} />
      </h2>
      {document.blocks.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the blocks are a fixed sequence
        <Block key={index} block={block} />
      ))}
    </article>
  );
}
