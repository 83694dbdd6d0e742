import { useEffect } from "preact/hooks";
import { api, getJSON, must } from "../../api/client";
import { passkeysSupported, signInWithPasskey } from "../../api/webauthn";
import { ErrorBox, Field, Form, str, useAction, useLoad, useTitle } from "../../components";
import { navigate, type PageProps } from "../../router";
import { setUser, useUser } from "../../session";

/** Where to go after signing in: a path of this app, never another site. */
const safeNext = (next: string | null) => (next && next.startsWith("/") && !next.startsWith("//") ? next : "/");

export default function Login({ query }: PageProps) {
  useTitle("Sign in");
  const user = useUser();
  const next = safeNext(query.get("next"));
  const status = useLoad(() => getJSON<{ first_start: boolean }>("/api/ui/status"), []);
  const passkey = useAction(async () => {
    setUser(await signInWithPasskey());
    navigate(next, { replace: true });
  });
  useEffect(() => {
    if (user) navigate(next, { replace: true });
  }, [user]);

  return (
    <div class="auth">
      <h1>Sign in to dais</h1>
      {status.data?.first_start && (
        <div class="alert alert-info" data-testid="first-start">
          <strong>First start.</strong> Sign in as <code>admin</code> with the password set in{" "}
          <code>DAIS_ADMIN_PASSWORD</code>, or the one dais printed once on its console when it
          first started (<code>created the admin user; sign in as admin with password: …</code>).
          Lost it? On the server, run <code>dais admin reset-password admin</code>.
        </div>
      )}
      <Form
        submit="Sign in"
        onSubmit={async (data) => {
          const signedIn = await must(
            api.POST("/api/auth/login", { body: { login: str(data, "login"), password: String(data.get("password")) } }),
          );
          setUser(signedIn);
          navigate(next, { replace: true });
        }}
      >
        <Field label="Username or email">
          <input name="login" autocomplete="username webauthn" required autofocus />
        </Field>
        <Field label="Password">
          <input name="password" type="password" autocomplete="current-password" required />
        </Field>
      </Form>
      {passkeysSupported() && (
        <>
          <div class="divider">or</div>
          <button class="btn btn-block" disabled={passkey.busy} onClick={() => void passkey.run()}>
            {passkey.busy ? "Waiting for your passkey…" : "Sign in with a passkey"}
          </button>
          <ErrorBox error={passkey.error} />
        </>
      )}
      {!status.data?.first_start && (
        <p class="muted">
          Forgot your password? An administrator can reset it, or run{" "}
          <code>dais admin reset-password NAME</code> on the server.
        </p>
      )}
    </div>
  );
}
