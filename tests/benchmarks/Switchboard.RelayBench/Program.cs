using Switchboard.RelayBench;

// Bounded by design: at most 10 s of load per run (plus ~1 s warm-up), then every socket is closed.
var options = BenchOptions.Parse(args);
using var bench = new RelayBenchRun(options);
var result = await bench.Run();
Console.WriteLine(BenchResult.Header);
Console.WriteLine(result.Describe(options));
