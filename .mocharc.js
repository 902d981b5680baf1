// Mocha's configuration. Test files named on the command line run alone (by default mocha would
// add them to the whole suite in `spec`).
const base = require('./.mocharc.json');
const named = process.argv.slice(2).some((arg) => /\.test\.ts$/.test(arg));
module.exports = named ? { ...base, spec: [] } : base;
