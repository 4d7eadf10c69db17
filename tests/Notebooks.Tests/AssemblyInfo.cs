// A notebook run changes process-wide state (the working directory, COURSE_SEED, torch's random
// generator): tests that run notebooks, or read that state, must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
