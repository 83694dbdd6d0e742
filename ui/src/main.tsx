import { render } from "preact";
import "./styles.css";
import "./routes";
import { App } from "./app";
import { loadUser } from "./session";

void loadUser();
render(<App />, document.getElementById("app")!);
