import { defineRoutes } from "../../router";

export default defineRoutes({ path: "/login", load: () => import("./Login"), public: true, title: "Sign in" });
