// Passkeys: the server sends WebAuthn options as JSON (base64url for bytes, WebAuthn Level
// 3's serialisation) and takes PublicKeyCredential.toJSON() back (dais/http/passkeys.py).
import { api, must } from "./client";

type Json = Record<string, any>;

const b64 = (s: string) => {
  const text = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
  return Uint8Array.from(text, (c) => c.charCodeAt(0)).buffer;
};
const unb64 = (buf: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

const PKC = globalThis.PublicKeyCredential as any;

function creationOptions(o: Json): PublicKeyCredentialCreationOptions {
  if (PKC?.parseCreationOptionsFromJSON) return PKC.parseCreationOptionsFromJSON(o);
  return {
    ...o,
    challenge: b64(o.challenge),
    user: { ...o.user, id: b64(o.user.id) },
    excludeCredentials: (o.excludeCredentials ?? []).map((c: Json) => ({ ...c, id: b64(c.id) })),
  } as PublicKeyCredentialCreationOptions;
}

function requestOptions(o: Json): PublicKeyCredentialRequestOptions {
  if (PKC?.parseRequestOptionsFromJSON) return PKC.parseRequestOptionsFromJSON(o);
  return {
    ...o,
    challenge: b64(o.challenge),
    allowCredentials: (o.allowCredentials ?? []).map((c: Json) => ({ ...c, id: b64(c.id) })),
  } as PublicKeyCredentialRequestOptions;
}

function toJSON(credential: PublicKeyCredential): Json {
  if (typeof (credential as any).toJSON === "function") return (credential as any).toJSON();
  const r = credential.response as any;
  const response: Json = { clientDataJSON: unb64(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = unb64(r.attestationObject);
    response.transports = r.getTransports?.() ?? [];
  } else {
    response.authenticatorData = unb64(r.authenticatorData);
    response.signature = unb64(r.signature);
    if (r.userHandle) response.userHandle = unb64(r.userHandle);
  }
  return {
    id: credential.id,
    rawId: unb64(credential.rawId),
    type: credential.type,
    response,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
  };
}

export const passkeysSupported = () => !!PKC && !!navigator.credentials;

/** Sign in with a passkey (no username: discoverable credentials). */
export async function signInWithPasskey() {
  const ceremony = await must(api.POST("/api/auth/passkeys/login/options"));
  const credential = (await navigator.credentials.get({
    publicKey: requestOptions(ceremony.options as Json),
  })) as PublicKeyCredential | null;
  if (!credential) throw new Error("no passkey was chosen");
  return must(
    api.POST("/api/auth/passkeys/login/verify", {
      body: { ceremony_id: ceremony.ceremony_id, credential: toJSON(credential) },
    }),
  );
}

/** Add a passkey to the signed-in account. */
export async function registerPasskey(name: string) {
  const ceremony = await must(api.POST("/api/auth/passkeys/register/options"));
  const credential = (await navigator.credentials.create({
    publicKey: creationOptions(ceremony.options as Json),
  })) as PublicKeyCredential | null;
  if (!credential) throw new Error("no passkey was made");
  return must(
    api.POST("/api/auth/passkeys/register/verify", {
      body: { ceremony_id: ceremony.ceremony_id, name, credential: toJSON(credential) },
    }),
  );
}
