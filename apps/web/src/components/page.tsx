import { type ReactNode, useEffect, useRef } from "react";

let firstPage = true;

/** Called by pages without a `Page` (login), so the page after them counts as navigated to. */
export function markNavigated(): void {
  firstPage = false;
}

/**
 * A page's heading and title. After navigating, focus moves to the heading so screen
 * reader users hear where they are (the first page keeps the browser's default).
 */
export function Page({
  title,
  actions,
  children,
  className,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Runder Tisch`;
  }, [title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <div className={className ?? "page"}>
      <div className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
