export type RouteParams = Record<string, string>;
export type RouteHandler = (request: Request, params: RouteParams) => Response | Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

/** `/:shop/admin/api/:version/graphql.json`, with a trailing `*` capturing the rest as `params.rest`. */
function compile(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return "(?<rest>.*)";
      if (segment.startsWith(":")) return `(?<${segment.slice(1)}>[^/]+)`;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source.replace(/\/\(\?<rest>\.\*\)$/, "(?:/(?<rest>.*))?")}$`);
}

/** A minimal method + path router over web Request/Response. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: RouteHandler): this {
    this.routes.push({ method, pattern: compile(path), handler });
    return this;
  }

  async handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== request.method && !(route.method === "GET" && request.method === "HEAD")) continue;
      const params: RouteParams = {};
      for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = value === undefined ? "" : decodeURIComponent(value);
      return route.handler(request, params);
    }
    return pathMatched ? new Response("Method Not Allowed", { status: 405 }) : new Response("Not Found", { status: 404 });
  }
}
