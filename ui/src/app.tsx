// The shell: the header, the current route's page inside its layout.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ErrorBox, Spinner, TopProgress } from "./components";
import { ProjectLayout } from "./layouts/project";
import { SidebarLayout } from "./layouts/sidebar";
import { useUnread } from "./notifications";
import { Link, match, navigate, useLocation, type Match, type PageProps } from "./router";
import { signOut, useUser } from "./session";

const loaded = new Map<Match["def"], ComponentType<PageProps>>();

/** The bell: a link to the notifications, its badge the unread count (live, see
 * notifications.ts). */
function Bell() {
  const known = useUnread();
  const unread = known ?? 0;
  const loc = useLocation();
  return (
    <a
      href="/notifications"
      class="bell"
      data-unread={known === undefined ? undefined : String(known)}
      aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
      title={unread ? `${unread} unread` : "Notifications"}
      aria-current={loc.path === "/notifications" ? "page" : undefined}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span class="bell-badge" data-testid="unread-badge" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </a>
  );
}

function Header() {
  const user = useUser();
  const [open, setOpen] = useState(false);
  const loc = useLocation();
  useEffect(() => setOpen(false), [loc.href]);
  return (
    <header class="header">
      <a href="/" class="brand" aria-label="dais home">
        <span class="brand-mark" aria-hidden="true" />
        dais
      </a>
      <nav class="header-nav">
        {user && <Link href="/">Projects</Link>}
        {user && <Link href="/-/new">New project</Link>}
      </nav>
      <div class="header-user">
        {user === null && (
          <a class="btn btn-small" href={`/login?next=${encodeURIComponent(loc.href)}`}>
            Sign in
          </a>
        )}
        {user && <Bell />}
        {user && (
          <div class="menu">
            <button
              type="button"
              class="btn btn-small menu-button"
              aria-expanded={open}
              aria-haspopup="true"
              onClick={() => setOpen(!open)}
            >
              {user.username}
            </button>
            {open && (
              <div class="menu-items" role="menu">
                <a role="menuitem" href="/settings/profile">
                  Settings
                </a>
                {user.is_admin && (
                  <a role="menuitem" href="/-/admin/users">
                    Administration
                  </a>
                )}
                <button
                  role="menuitem"
                  type="button"
                  onClick={async () => {
                    await signOut();
                    navigate("/login");
                  }}
                >
                  Sign out
                </button>
              </div>
            )}
          </div>
        )}
      </div>
    </header>
  );
}

function Page() {
  const loc = useLocation();
  const user = useUser();
  const found = match(loc.path);
  const [, setLoadedTick] = useState(0);
  const [failed, setFailed] = useState<unknown>(null);
  const Component = found ? loaded.get(found.def) : undefined;
  const def = found?.def;
  const mustSignIn = !!def && !def.public && user === null;

  useEffect(() => {
    if (mustSignIn) navigate(`/login?next=${encodeURIComponent(loc.href)}`, { replace: true });
  }, [mustSignIn, loc.href]);
  useEffect(() => {
    setFailed(null);
    if (!def || loaded.has(def)) return;
    def.load().then(
      (m) => {
        loaded.set(def, m.default);
        setLoadedTick((n) => n + 1);
      },
      (e) => setFailed(e),
    );
  }, [def]);

  if (!found) return <NotFound />;
  if (failed)
    return (
      <main class="main">
        <ErrorBox error={failed} title="This page could not be loaded. " />
        <p>dais may have been updated since this tab was opened.</p>
        <button class="btn" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  if (user === undefined || mustSignIn || !Component) return <main class="main"><Spinner /></main>;
  const page = <Component params={found.params} query={loc.query} />;
  const layout = found.def.layout ?? "plain";
  if (layout === "project") return <ProjectLayout match={found}>{page}</ProjectLayout>;
  if (layout === "settings" || layout === "admin")
    return (
      <SidebarLayout section={layout} match={found}>
        {page}
      </SidebarLayout>
    );
  return <main class="main">{page}</main>;
}

function NotFound() {
  return (
    <main class="main">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{location.pathname}</code>. Go to <a href="/">your projects</a>.
      </p>
    </main>
  );
}

export function App() {
  return (
    <>
      <TopProgress />
      <Header />
      <Page />
    </>
  );
}
