// Measurements the tests make are printed as one JSON line each, so CI logs and READMEs can quote them.
export function report(name, values) {
  console.log(`elex-measure ${name} ${JSON.stringify(values)}`);
}
