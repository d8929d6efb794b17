// Each test class starts its own set of server processes; running them one after another keeps the machine's two
// cores for the processes under test, so timing-sensitive checks (retransmission timers, registrations) hold in CI.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
