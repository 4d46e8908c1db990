// A dispute side by side: one group per disputed value, and in it one column per side
// (the outlet, the speaker when one is named, and the sentence, which opens the article
// scrolled to that sentence, highlighted). Used by the contradictions view, the cluster
// page and the incident page.
import { badge, evidenceLink, h, link } from "./dom.js";
import { reviewButton } from "./desk.js";

// The API's `sides` (outlet, speaker, sentence); a store without them gets one side
// per evidence sentence, its outlet read from the documents map.
export function sidesOf(value, docs) {
  if (value.sides && value.sides.length) return value.sides;
  return value.evidence.map((ev) => {
    const doc = docs && docs[ev.doc];
    return { evidence: ev, outlet: doc ? doc.publisher || doc.source : null, speaker: null };
  });
}

export function disputeSides(c, docs) {
  return h("div", { class: "side-by-side dispute-sides" }, c.values.map((v, i) =>
    h("div", { class: `dispute-value tone-${i % 4}` },
      h("div", { class: "value" }, v.label || v.value),
      h("ul", { class: "sides" }, sidesOf(v, docs).map((s) => h("li", { class: "side" },
        h("div", { class: "side-outlet" }, s.outlet || "outlet unknown"),
        s.speaker ? h("div", { class: "side-speaker" }, "according to ", s.speaker) : null,
        h("div", { class: "side-sentence" }, evidenceLink(s.evidence, null, docs))))))));
}

// A card: what the dispute is about (a link unless it is a relation), the field,
// the sides, and the review button.
export function disputeCard(c, docs) {
  const about = c.about_kind && c.about_kind !== "relation" ? link(c.label, [c.about_kind, c.about]) : c.label;
  return h("div", { class: "card contradiction" + (c.trivial ? " trivial" : "") },
    h("h2", {}, about ? [about, " — "] : null, c.field, c.trivial ? [" ", badge("wording variant")] : null),
    disputeSides(c, docs),
    reviewButton("contradiction", c.id, c.review));
}
