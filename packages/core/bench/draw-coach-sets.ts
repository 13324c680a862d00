/**
 * Draws the real objectives of the coach's dev and held-out splits from ../shared/data/real-okrs/ with the
 * fixed seed and prints them, so the draw can be repeated and the stored references checked by hand:
 *
 *   npm run coach:draw -- heldout          # references as JSON
 *   npm run coach:draw -- heldout --text   # the text to label, one objective a block
 *
 * It never runs the coach: labels are written from design/coach.md's definitions alone.
 * src/coach/eval/eval-sets.test.ts checks that the stored splits hold exactly this draw.
 */
import { drawRealSplits, readRealOkrFiles, type SplitName } from "./coach-sets.ts";

const split = process.argv[2] as SplitName | undefined;
if (split !== "heldout" && split !== "dev") {
  console.error("usage: draw-coach-sets.ts heldout|dev [--text]");
  process.exit(1);
}
const files = readRealOkrFiles();
const references = drawRealSplits(files)[split];
if (process.argv.includes("--text")) {
  const byFile = new Map(files.map((file) => [file.file, file.objectives]));
  for (const reference of references) {
    const objective = byFile.get(reference.file)?.[reference.objective];
    console.log(`## ${reference.file}#${reference.objective} ${reference.sha256}`);
    console.log(`O: ${objective?.title}`);
    (objective?.keyResults ?? []).forEach((keyResult, index) => {
      console.log(`  ${index}: ${keyResult.title}`);
    });
  }
} else {
  console.log(JSON.stringify(references, null, 2));
}
