// Validates Kubernetes manifests (a multi-document YAML on stdin) against the JSON schemas of the Kubernetes API,
// KEDA and the Prometheus operator that the kubernetes-models packages ship: offline, no cluster.
// Prints one line per document; exits 1 if any document is invalid or of a kind it has no schema for.
import {parseAllDocuments} from "yaml";

const packages = {
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function modelClass(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const base = packages[group] ?? "kubernetes-models";
  const module = await import(`${base}/${apiVersion}`);
  return module[kind];
}

const input = await new Promise(resolve => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", chunk => text += chunk);
  process.stdin.on("end", () => resolve(text));
});

let failures = 0;
for (const document of parseAllDocuments(input)) {
  if (document.errors.length > 0) {
    console.log(`INVALID yaml: ${document.errors.join("; ")}`);
    failures++;
    continue;
  }
  const manifest = document.toJS();
  if (manifest == null) {
    continue;
  }
  const name = `${manifest.apiVersion} ${manifest.kind} ${manifest.metadata?.name}`;
  try {
    const Model = await modelClass(manifest.apiVersion, manifest.kind);
    if (Model === undefined) {
      throw new Error("no schema for this kind");
    }
    new Model(manifest).validate();
    console.log(`valid ${name}`);
  } catch (error) {
    console.log(`INVALID ${name}: ${error.message.replaceAll("\n", " ")}`);
    failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
