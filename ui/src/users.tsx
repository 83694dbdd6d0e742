// Picking users by username: a combobox that suggests active users as one types (GET /api/users,
// which any signed-in user may call), and resolving what was typed to a user at submit time.
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { api, must, type UserSummary } from "./api/client";

const SUGGESTIONS = 8;

/** The active user called `typed` (a leading @ is allowed), or an error saying there is none. */
export async function resolveUser(typed: string): Promise<UserSummary> {
  const username = typed.trim().replace(/^@/, "").toLowerCase();
  if (!username) throw new Error("Choose a user.");
  // Exact username matches come first in the lookup's answer.
  const found = await must(api.GET("/api/users", { params: { query: { q: username, per_page: 5 } } }));
  const user = found.find((u) => u.username === username);
  if (!user) throw new Error(`No active user is called ${username}.`);
  return user;
}

/** Usernames by id where the caller may list users (administrators); else an empty map. */
export async function adminUsernames(): Promise<Map<string, string>> {
  const { data, response } = await api.GET("/api/admin/users", { params: { query: { per_page: 100 } } });
  return new Map(response.ok && data ? data.map((u) => [u.id, u.username]) : []);
}

/** A username as a list shows it: the username, the display name beside it when it says more. */
export function UserName(props: { username: string; displayName?: string | null }) {
  const { username, displayName } = props;
  return (
    <span class="user-name">
      <a href={`/${username}`}>{username}</a>
      {displayName && displayName.toLowerCase() !== username && <span class="muted"> {displayName}</span>}
    </span>
  );
}

/**
 * A text input named `name` holding a username, suggesting matching users (username or display
 * name prefix) as one types; arrows and Enter pick one. Resolve the value with `resolveUser`.
 */
export function UserPicker(props: { name: string; required?: boolean; placeholder?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState("");
  const [options, setOptions] = useState<UserSummary[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = text.trim().replace(/^@/, "");
    if (!q) {
      setOptions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.GET("/api/users", { params: { query: { q, per_page: SUGGESTIONS } } }).then(
        ({ data }) => {
          if (!live) return;
          setOptions(data ?? []);
          setActive(-1);
        },
        () => live && setOptions([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  // The form's reset empties the input (it is uncontrolled): empty the suggestions with it.
  useEffect(() => {
    const form = input.current?.form;
    const onReset = () => {
      setText("");
      setOpen(false);
    };
    form?.addEventListener("reset", onReset);
    return () => form?.removeEventListener("reset", onReset);
  }, []);

  const choose = (u: UserSummary) => {
    if (input.current) input.current.value = u.username;
    setText(u.username);
    setOpen(false);
  };
  const shown = open && options.length > 0;
  return (
    <div class="picker">
      <input
        ref={input}
        name={props.name}
        required={props.required}
        placeholder={props.placeholder ?? "username"}
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((i) => (i + step + options.length) % options.length);
          } else if (e.key === "Enter" && active >= 0) {
            e.preventDefault(); // pick, do not submit yet
            choose(options[active]!);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      <ul id={listId} class="picker-options" role="listbox" aria-label="Matching users" hidden={!shown}>
        {options.map((u, i) => (
          <li
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault() /* keep the input's focus */}
            onClick={() => choose(u)}
          >
            <strong>{u.username}</strong>
            {u.display_name && <span class="muted"> {u.display_name}</span>}
            {u.kind !== "human" && <span class="badge">{u.kind}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
