using Xunit;

// The corpus is CPU-bound (Roslyn compiles every batch, using both cores); run the test classes one after another so the
// per-batch time budget measures the batch, not its neighbours.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
