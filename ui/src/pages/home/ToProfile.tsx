import { useEffect } from "preact/hooks";
import { navigate } from "../../router";

export default function ToProfile() {
  useEffect(() => navigate("/settings/profile", { replace: true }), []);
  return null;
}
