// Load an exported graph with the parsers graph viewers use and print what they saw as JSON:
//   node load_graph.mjs gexf|graphml|cytoscape|nodelink FILE
// gexf/graphml: graphology + graphology-gexf/-graphml (what sigma.js and Gephi Lite use);
// cytoscape: headless Cytoscape.js; nodelink: d3-force's forceLink, which resolves links by node id.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [format, file] = process.argv.slice(2);
const text = readFileSync(file, "utf8");

function fromGraphology(graph) {
  const nodes = {};
  graph.forEachNode((key, attributes) => { nodes[key] = attributes; });
  const edges = [];
  graph.forEachEdge((key, attributes, source, target) => { edges.push({ key, source, target, attributes }); });
  return { order: graph.order, size: graph.size, multi: graph.multi, type: graph.type, nodes, edges };
}

function loadGexf() {
  const { MultiDirectedGraph } = require("graphology");
  const gexf = require("graphology-gexf/node");
  return fromGraphology(gexf.parse(MultiDirectedGraph, text, { respectInputGraphType: true }));
}

function loadGraphml() {
  const { MultiDirectedGraph } = require("graphology");
  const graphml = require("graphology-graphml/node");
  return fromGraphology(graphml.parse(MultiDirectedGraph, text));
}

function loadCytoscape() {
  const cytoscape = require("cytoscape");
  const cy = cytoscape({ headless: true, elements: JSON.parse(text).elements });
  const nodes = {};
  cy.nodes().forEach((node) => { nodes[node.id()] = node.data(); });
  const edges = cy.edges().map((edge) => ({
    key: edge.id(), source: edge.source().id(), target: edge.target().id(), attributes: edge.data(),
  }));
  return { order: cy.nodes().length, size: cy.edges().length, nodes, edges };
}

async function loadNodelink() {
  const { forceSimulation, forceLink } = await import("d3-force");
  const data = JSON.parse(text);
  // forceLink throws "node not found" for a link whose end is not a node id.
  forceSimulation(data.nodes).force("link", forceLink(data.links).id((d) => d.id)).stop();
  const nodes = {};
  for (const { index, x, y, vx, vy, ...attributes } of data.nodes) nodes[attributes.id] = attributes;
  const edges = data.links.map(({ source, target, index, ...attributes }) => ({
    key: attributes.id, source: source.id, target: target.id, attributes,
  }));
  return { order: data.nodes.length, size: data.links.length, nodes, edges };
}

const loaders = { gexf: loadGexf, graphml: loadGraphml, cytoscape: loadCytoscape, nodelink: loadNodelink };
if (!loaders[format]) {
  console.error(`unknown format ${format}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await loaders[format]()));
