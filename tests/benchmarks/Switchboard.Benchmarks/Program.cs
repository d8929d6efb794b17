using BenchmarkDotNet.Running;
using Switchboard.Benchmarks.Register;

if (args.Length > 0 && args[0] == "alloc")
{
    AllocationSampler.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
