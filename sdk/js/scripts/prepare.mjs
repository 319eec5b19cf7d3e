// `prepare`: builds dist/ from src/. npm runs it without this package's devDependencies when a
// clone is installed as a folder (`npm install ./sdk/js`), so TypeScript, if missing, is fetched
// into this folder first (the version package.json pins), without touching package.json or the lock.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

if (!existsSync(tsc)) {
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies.typescript;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  execFileSync(npm, ["install", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund",
    `typescript@${version}`], { cwd: root, stdio: "inherit" });
}
execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
