// The administration's "Health" entry: dais's own health page, in its built-in project.
import { useEffect } from "preact/hooks";
import { Spinner } from "../../components";
import { navigate } from "../../router";
import { OWN_PROJECT } from "./Health";

export const HEALTH_PATH = `/${OWN_PROJECT}/-/health`;

export default function ToHealth() {
  useEffect(() => navigate(HEALTH_PATH, { replace: true }), []);
  return <Spinner />;
}
