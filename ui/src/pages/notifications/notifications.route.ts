// The signed-in user's notifications (the bell in the header leads here).
import { defineRoutes } from "../../router";

export default defineRoutes({ path: "/notifications", load: () => import("./Notifications"), title: "Notifications" });
