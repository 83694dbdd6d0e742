// Every page registers itself in a `*.route.ts` file under pages/: adding a page is adding
// files, never editing a list. Route files are tiny (a pattern and a lazy import), so the
// initial bundle holds them all; each page's code is its own chunk.
import { setRoutes, type RouteDef } from "./router";

const modules = import.meta.glob<RouteDef[] | RouteDef>("./pages/**/*.route.ts", {
  eager: true,
  import: "default",
});
setRoutes(Object.values(modules).flat());
