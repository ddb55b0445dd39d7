// Runs one scan in a child process and prints its findings and resource usage as JSON:
// `node --max-old-space-size=N --import tsx test/mta/hostile/child.ts DIR`.
import { defaultOptions } from '../../../src/config/options.js';
import { scan } from '../../../src/scan.js';

const root = process.argv[2] ?? '.';
const result = await scan(defaultOptions(root));
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    findings: result.findings.map((f) => [f.ruleId, f.file, f.line, f.certainty, f.message]),
    maxRssMb: Math.round(usage.maxRSS / 1024),
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  }),
);
