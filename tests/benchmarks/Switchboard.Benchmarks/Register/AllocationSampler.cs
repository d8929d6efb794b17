using System.Diagnostics.Tracing;

namespace Switchboard.Benchmarks.Register;

/// <summary>
/// `dotnet run -c Release -- alloc [digest] [count]`: runs the REGISTER benchmark body in a loop and prints which types
/// the runtime's allocation sampling (one event per ~100 KB) saw most: where the bytes per request go.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytesByType = [];

    public static void Run(string[] args)
    {
        bool digest = args.Contains("digest");
        int count = args.Select(a => int.TryParse(a, out int n) ? n : 0).FirstOrDefault(n => n > 0, 100_000);
        var bench = new RegisterCoreBenchmarks { Digest = digest };
        bench.Setup();
        for (int i = 0; i < 20_000; i++)
        {
            bench.Register();
        }

        var sampler = new AllocationSampler();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            bench.Register();
        }

        long perOp = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        sampler.Dispose();
        // The same count of harness-only runs (a 401 is the sender's last response while Digest is on).
        bench.DeliverUnauthenticated();

        long harnessBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            bench.HarnessOnly();
        }

        long harnessPerOp = (GC.GetAllocatedBytesForCurrentThread() - harnessBefore) / count;
        var (transactions, bytesEach) = bench.MeasureRetained();
        bench.Cleanup();
        Console.WriteLine($"{(digest ? "digest pair" : "REGISTER")}: {perOp} B allocated per operation (this thread)");
        Console.WriteLine($"  of which the harness (request texts, client side of the digest): {harnessPerOp} B; server core: {perOp - harnessPerOp} B");
        Console.WriteLine($"retained: {bytesEach} B per server transaction in Completed ({transactions} expired by Timer J)");
        sampler.Print();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        int nameIndex = e.PayloadNames!.IndexOf("TypeName");
        int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        string type = nameIndex >= 0 ? e.Payload[nameIndex] as string ?? "?" : "?";
        long amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex]) : 0;
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
        }
    }

    private void Print()
    {
        lock (_bytesByType)
        {
            long sampled = Math.Max(1, _bytesByType.Values.Sum());
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(40))
            {
                Console.WriteLine($"{100.0 * bytes / sampled,6:F1}%  {type}");
            }
        }
    }
}
