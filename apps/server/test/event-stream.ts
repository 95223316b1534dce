import { request as httpRequest } from "node:http";

export interface Stream {
  status: number;
  messages: { kind: string; [key: string]: unknown }[];
  ended: boolean;
  close(): void;
}

/** Opens /api/events like a browser's EventSource and collects the JSON messages. */
export function openEventStream(port: number, cookie?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const stream: Stream = { status: 0, messages: [], ended: false, close: () => {} };
    const req = httpRequest(
      { host: "127.0.0.1", port, path: "/api/events", headers: cookie ? { cookie } : {} },
      (res) => {
        stream.status = res.statusCode ?? 0;
        stream.close = () => res.destroy();
        let buffer = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          const blocks = buffer.split("\n\n");
          buffer = blocks.pop() ?? "";
          for (const block of blocks) {
            const data = block.split("\n").find((line) => line.startsWith("data: "));
            if (data) stream.messages.push(JSON.parse(data.slice(6)));
          }
        });
        res.on("end", () => {
          stream.ended = true;
        });
        res.on("close", () => {
          stream.ended = true;
        });
        resolve(stream);
      },
    );
    req.on("error", reject);
    req.end();
  });
}
