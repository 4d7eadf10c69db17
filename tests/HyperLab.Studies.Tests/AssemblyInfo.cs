// The tests share one PostgreSQL cluster and spawn worker processes on a 2-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
