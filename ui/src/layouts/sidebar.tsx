// User settings and administration: a menu of the section's pages beside the page.
import type { ComponentChildren } from "preact";
import { allRoutes, fill, Link, type Match } from "../router";
import { useUser } from "../session";

const TITLES = { settings: "Settings", admin: "Administration" };

export function SidebarLayout(props: { section: "settings" | "admin"; match: Match; children: ComponentChildren }) {
  const user = useUser();
  const entries = allRoutes()
    .filter((r) => r.nav?.section === props.section)
    .sort((a, b) => a.nav!.order - b.nav!.order);
  return (
    <main class="main with-sidebar">
      <nav class="sidebar" aria-label={TITLES[props.section]}>
        <h2 class="sidebar-title">{TITLES[props.section]}</h2>
        {entries.map((r) => (
          <Link href={r.nav!.href ? r.nav!.href(props.match.params) : fill(r.path, props.match.params)}>
            {r.nav!.label}
          </Link>
        ))}
        {props.section === "settings" && user?.is_admin && (
          <a href="/-/admin/users" class="sidebar-aside">
            Administration →
          </a>
        )}
      </nav>
      <div class="content">{props.children}</div>
    </main>
  );
}
