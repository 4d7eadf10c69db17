using HyperLab.Schedules;
using HyperLab.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperLab.Tests.Training;

/// <summary>
/// The course's optimizers (<see cref="HyperLab.Training.RaceFree.SGD"/>, <see cref="HyperLab.Training.RaceFree.Adam"/>, <see cref="HyperLab.Training.RaceFree.AdamW"/>)
/// against TorchSharp's own as the oracle: the same model, data and schedule, 100 steps each, and the
/// parameters must agree to the last bit (no ulp tolerance is needed: every operation is the same
/// kernel in the same order, the in-place denominator included).
/// </summary>
public class RaceFreeOptimizerTests
{
    private const int Steps = 100, StepsPerEpoch = 10;

    public static TheoryData<OptimizerKind, double, string, bool, int> Cases()
    {
        var data = new TheoryData<OptimizerKind, double, string, bool, int>();
        foreach (var kind in Enum.GetValues<OptimizerKind>())
            foreach (double decay in new[] { 0, 1e-2 })
                foreach (string schedule in new[] { "constant", "cosine", "warmup-cosine" })
                    foreach (bool flat in new[] { false, true })
                        foreach (int seed in new[] { 0, 7 })
                            data.Add(kind, decay, schedule, flat, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void After_100_steps_the_parameters_equal_TorchSharps_bit_for_bit(OptimizerKind kind, double decay, string schedule, bool flat, int seed)
    {
        var hp = Hp(kind, decay);
        var expected = Train(ps => Oracle(ps, hp), ScheduleNamed(schedule), flat, seed);
        var actual = Train(ps => Optimizers.Create(ps, hp), ScheduleNamed(schedule), flat, seed);

        Assert.Equal(expected.Rates, actual.Rates);                 // the schedule moved both alike
        Assert.Equal(Bits(expected.Weights), Bits(actual.Weights));
        Assert.Equal(expected.State, actual.State);                 // momentum buffers, moments, step counts
        Assert.NotEqual(Bits(expected.Initial), Bits(actual.Weights));   // and the steps did change the weights
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, typeof(HyperLab.Training.RaceFree.SGD))]
    [InlineData(OptimizerKind.Momentum, typeof(HyperLab.Training.RaceFree.SGD))]
    [InlineData(OptimizerKind.Adam, typeof(HyperLab.Training.RaceFree.Adam))]
    [InlineData(OptimizerKind.AdamW, typeof(HyperLab.Training.RaceFree.AdamW))]
    public void Every_caller_of_Optimizers_Create_gets_the_race_free_step(OptimizerKind kind, Type expected)
    {
        using var model = Model(0);
        using var optimizer = Optimizers.Create(model.parameters(), Hp(kind, 0));
        Assert.IsType(expected, optimizer);
    }

    [Theory]
    [InlineData(OptimizerKind.Momentum, false)]
    [InlineData(OptimizerKind.Adam, true)]
    [InlineData(OptimizerKind.AdamW, false)]
    [InlineData(OptimizerKind.AdamW, true)]
    public void A_saved_state_restores_into_either_optimizer_and_training_continues_identically(OptimizerKind kind, bool flat)
    {
        var hp = Hp(kind, 1e-2);
        var straight = Train(ps => Optimizers.Create(ps, hp), Schedule.Constant, flat, seed: 1);

        // Half the steps with ours, save; restore into TorchSharp's (and ours) and take the other half.
        var half = Train(ps => Optimizers.Create(ps, hp), Schedule.Constant, flat, seed: 1, steps: Steps / 2);
        var resumedInOracle = Train(ps => Oracle(ps, hp), Schedule.Constant, flat, seed: 1, steps: Steps / 2, resume: half);
        var resumedInOurs = Train(ps => Optimizers.Create(ps, hp), Schedule.Constant, flat, seed: 1, steps: Steps / 2, resume: half);

        Assert.Equal(Bits(straight.Weights), Bits(resumedInOracle.Weights));
        Assert.Equal(Bits(straight.Weights), Bits(resumedInOurs.Weights));
        Assert.Equal(straight.State, resumedInOurs.State);
    }

    [Fact]
    public void A_resumed_run_without_the_saved_state_differs_so_the_restore_test_can_fail()
    {
        var hp = Hp(OptimizerKind.AdamW, 1e-2);
        var straight = Train(ps => Optimizers.Create(ps, hp), Schedule.Constant, flat: true, seed: 1);
        var half = Train(ps => Optimizers.Create(ps, hp), Schedule.Constant, flat: true, seed: 1, steps: Steps / 2);
        var freshState = Train(ps => Optimizers.Create(ps, hp), Schedule.Constant, flat: true, seed: 1, steps: Steps / 2, resume: half with { State = [] });
        Assert.NotEqual(Bits(straight.Weights), Bits(freshState.Weights));
    }

    internal static Hyperparameters Hp(OptimizerKind kind, double decay) => new()
    {
        Optimizer = kind,
        LearningRate = kind is OptimizerKind.Sgd or OptimizerKind.Momentum ? 0.1 : 1e-2,
        WeightDecay = decay,
    };

    internal static optim.Optimizer Oracle(IEnumerable<Parameter> ps, Hyperparameters hp) => hp.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(ps, hp.LearningRate, weight_decay: hp.WeightDecay),
        OptimizerKind.Momentum => optim.SGD(ps, hp.LearningRate, momentum: 0.9, weight_decay: hp.WeightDecay),
        OptimizerKind.Adam => optim.Adam(ps, hp.LearningRate, weight_decay: hp.WeightDecay),
        _ => optim.AdamW(ps, hp.LearningRate, weight_decay: hp.WeightDecay),
    };

    private static Schedule ScheduleNamed(string name) => name switch
    {
        "cosine" => Schedule.Cosine(),
        "warmup-cosine" => Schedule.WarmupCosine(warmupFraction: 0.2),
        _ => Schedule.Constant,
    };

    /// <summary>Odd sizes, so tensors end mid-vector and flat slices start at odd offsets.</summary>
    internal static nn.Module<Tensor, Tensor> Model(int seed)
    {
        manual_seed(seed);
        return nn.Sequential(nn.Linear(5, 13), nn.ReLU(), nn.Linear(13, 7), nn.Tanh(), nn.Linear(7, 3));
    }

    internal sealed record Run(float[] Initial, float[] Weights, byte[] State, double[] Rates);

    /// <summary>Trains <see cref="Model"/> for <paramref name="steps"/> steps on seeded random data; with
    /// <paramref name="resume"/>, starts from that run's weights and optimizer state and takes its next batches.</summary>
    internal static Run Train(Func<IEnumerable<Parameter>, optim.Optimizer> make, Schedule schedule, bool flat, int seed, int steps = Steps, Run? resume = null)
    {
        using var scope = NewDisposeScope();
        using var model = Model(seed);
        var generator = new torch.Generator((ulong)seed + 100);
        var x = randn(64, 5, generator: generator);
        var y = randint(0, 3, [64], generator: generator);
        if (resume is not null) Load(model, resume.Weights);
        var initial = Weights(model);
        using var bound = flat ? FlatParameters.Bind(model) : null;
        using var optimizer = make(bound is null ? model.parameters() : [bound.Values]);
        if (resume is not null && resume.State.Length > 0)
            using (var reader = new BinaryReader(new MemoryStream(resume.State)))
                ((OptimizerHelper)optimizer).load_state_dict(reader);
        var controller = schedule.Attach(optimizer, StepsPerEpoch, Steps / StepsPerEpoch);
        int offset = resume is null ? 0 : Steps / 2;
        var rates = new List<double>();
        for (int t = offset; t < offset + steps; t++)
        {
            using var stepScope = NewDisposeScope();
            var rows = arange(16 * (t % 4), 16 * (t % 4 + 1));
            var loss = nn.functional.cross_entropy(model.call(x.index_select(0, rows)), y.index_select(0, rows));
            optimizer.zero_grad();
            loss.backward();
            rates.Add(Optimizers.RateOf(optimizer));
            optimizer.step();
            controller.StepEnded();
            if ((t + 1) % StepsPerEpoch == 0) controller.EpochEnded(loss.item<float>());
        }
        var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
            ((OptimizerHelper)optimizer).save_state_dict(writer);
        return new Run(initial, Weights(model), state.ToArray(), rates.ToArray());
    }

    internal static float[] Weights(nn.Module model)
    {
        using var scope = NewDisposeScope();
        return model.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray()).ToArray();
    }

    private static void Load(nn.Module model, float[] weights)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int offset = 0;
        foreach (var p in model.parameters())
        {
            int n = (int)p.numel();
            p.copy_(tensor(weights[offset..(offset + n)]).view(p.shape));
            offset += n;
        }
    }

    internal static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
