namespace Reclaim.HeapGraph;

/// <summary>
/// Places the boxes of a <see cref="HeapPicture"/> for the SVG picture: a simple layered layout. Each cycle is one
/// unit, its members on an ellipse in cycle order (a grid for large cycles); the units form a directed acyclic graph
/// (cycles are exactly what was grouped), layered by longest path from the holders, ordered within layers by the
/// barycentre of their neighbours, and pulled towards their neighbours horizontally. Deterministic: no randomness,
/// ties broken by position.
/// </summary>
internal sealed class GraphLayout
{
    public const double Margin = 24;
    public const double LayerGap = 64;
    public const double UnitGap = 36;
    public const double ClusterPadding = 16;
    public const double ClusterCaption = 18;
    private const int LargestEllipse = 12;

    private readonly double[] _width;
    private readonly double[] _height;
    private readonly List<(int From, int To)> _edges;
    private readonly IReadOnlyList<int[]> _cycles;
    private readonly int _nodeCount;

    private int[] _unitOf = [];
    private readonly List<Unit> _units = [];
    private List<int>[] _layers = [];

    private GraphLayout(double[] width, double[] height, List<(int From, int To)> edges, IReadOnlyList<int[]> cycles)
    {
        _width = width;
        _height = height;
        _edges = edges;
        _cycles = cycles;
        _nodeCount = width.Length;
        X = new double[_nodeCount];
        Y = new double[_nodeCount];
    }

    /// <summary>Node centres.</summary>
    public double[] X { get; }

    /// <summary>Node centres.</summary>
    public double[] Y { get; }

    /// <summary>The box drawn around each cycle (left, top, width, height), indexed like the cycles given.</summary>
    public (double Left, double Top, double Width, double Height)[] CycleBoxes { get; private set; } = [];

    /// <summary>The extent of everything placed, margins included.</summary>
    public double Width { get; private set; }

    /// <summary>The extent of everything placed, margins included.</summary>
    public double Height { get; private set; }

    /// <summary>Lays out nodes of the given sizes, starting <paramref name="top"/> pixels down.</summary>
    public static GraphLayout Compute(double[] width, double[] height, List<(int From, int To)> edges, IReadOnlyList<int[]> cycles, double top)
    {
        GraphLayout layout = new(width, height, edges, cycles);
        layout.Run(top);
        return layout;
    }

    private sealed class Unit
    {
        public required int[] Members { get; init; }

        public required double[] OffsetX { get; init; }

        public required double[] OffsetY { get; init; }

        public double Width { get; init; }

        public double Height { get; init; }

        /// <summary>The index of the cycle the unit draws, or −1 for a single object.</summary>
        public int Cycle { get; init; } = -1;

        public List<int> Predecessors { get; } = [];

        public List<int> Successors { get; } = [];

        public int Layer { get; set; }

        public double X { get; set; }
    }

    private void Run(double top)
    {
        if (_nodeCount == 0)
        {
            Width = 2 * Margin;
            Height = top + Margin;
            return;
        }

        BuildUnits();
        LinkUnits();
        AssignLayers();
        OrderLayers();
        PlaceHorizontally();
        PlaceVertically(top);
    }

    private void BuildUnits()
    {
        int[] cycleOf = new int[_nodeCount];
        Array.Fill(cycleOf, -1);
        for (int c = 0; c < _cycles.Count; c++)
        {
            foreach (int member in _cycles[c])
            {
                cycleOf[member] = c;
            }
        }

        _unitOf = new int[_nodeCount];
        Dictionary<int, int> unitOfCycle = [];
        for (int node = 0; node < _nodeCount; node++)
        {
            int cycle = cycleOf[node];
            if (cycle < 0)
            {
                _unitOf[node] = _units.Count;
                _units.Add(new Unit { Members = [node], OffsetX = [0], OffsetY = [0], Width = _width[node], Height = _height[node] });
            }
            else if (unitOfCycle.TryGetValue(cycle, out int unit))
            {
                _unitOf[node] = unit;
            }
            else
            {
                unitOfCycle[cycle] = _units.Count;
                _units.Add(ArrangeCycle(cycle));
                foreach (int member in _cycles[cycle])
                {
                    _unitOf[member] = unitOfCycle[cycle];
                }
            }
        }
    }

    /// <summary>Members in the order the cycle's own references visit them, so a ring is drawn as a ring.</summary>
    private int[] CycleOrder(int[] members)
    {
        HashSet<int> inCycle = [.. members];
        HashSet<int> placed = [];
        List<int> order = [];
        int current = members.Min();
        while (true)
        {
            order.Add(current);
            placed.Add(current);
            int next = -1;
            foreach ((int from, int to) in _edges)
            {
                if (from == current && inCycle.Contains(to) && !placed.Contains(to) && (next < 0 || to < next))
                {
                    next = to;
                }
            }

            if (next < 0)
            {
                next = members.Where(m => !placed.Contains(m)).DefaultIfEmpty(-1).Min();
            }

            if (next < 0)
            {
                return [.. order];
            }

            current = next;
        }
    }

    private Unit ArrangeCycle(int cycle)
    {
        int[] members = CycleOrder(_cycles[cycle]);
        int k = members.Length;
        double maxWidth = members.Max(m => _width[m]);
        double maxHeight = members.Max(m => _height[m]);
        double[] x = new double[k];
        double[] y = new double[k];
        if (k <= LargestEllipse)
        {
            // Start on the left and go round clockwise; grow the ellipse until no two boxes come close.
            double rx = Math.Max(maxWidth * 0.6 + 10, k * (maxWidth + 24) / (2 * Math.PI));
            double ry = Math.Max(maxHeight * 0.9, k * (maxHeight + 24) / (2 * Math.PI));
            for (int attempt = 0; attempt < 80; attempt++)
            {
                for (int i = 0; i < k; i++)
                {
                    double angle = Math.PI + (2 * Math.PI * i / k);
                    x[i] = rx * Math.Cos(angle);
                    y[i] = -ry * Math.Sin(angle);
                }

                if (!AnyOverlap(members, x, y, 18))
                {
                    break;
                }

                rx *= 1.1;
                ry *= 1.1;
            }
        }
        else
        {
            int columns = (int)Math.Ceiling(Math.Sqrt(k));
            for (int i = 0; i < k; i++)
            {
                x[i] = (i % columns) * (maxWidth + 28);
                y[i] = (i / columns) * (maxHeight + 34);
            }
        }

        double left = double.MaxValue, right = double.MinValue, top = double.MaxValue, bottom = double.MinValue;
        for (int i = 0; i < k; i++)
        {
            left = Math.Min(left, x[i] - (_width[members[i]] / 2));
            right = Math.Max(right, x[i] + (_width[members[i]] / 2));
            top = Math.Min(top, y[i] - (_height[members[i]] / 2));
            bottom = Math.Max(bottom, y[i] + (_height[members[i]] / 2));
        }

        double width = right - left + (2 * ClusterPadding);
        double height = bottom - top + (2 * ClusterPadding) + ClusterCaption;

        // Offsets relative to the unit's centre, leaving room for the caption at the top.
        double centreX = (left + right) / 2;
        double centreY = (top + bottom) / 2;
        for (int i = 0; i < k; i++)
        {
            x[i] -= centreX;
            y[i] = y[i] - centreY + (ClusterCaption / 2);
        }

        return new Unit { Members = members, OffsetX = x, OffsetY = y, Width = width, Height = height, Cycle = cycle };
    }

    private bool AnyOverlap(int[] members, double[] x, double[] y, double margin)
    {
        for (int i = 0; i < members.Length; i++)
        {
            for (int j = i + 1; j < members.Length; j++)
            {
                double dx = Math.Abs(x[i] - x[j]) - ((_width[members[i]] + _width[members[j]]) / 2);
                double dy = Math.Abs(y[i] - y[j]) - ((_height[members[i]] + _height[members[j]]) / 2);
                if (dx < margin && dy < margin)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void LinkUnits()
    {
        HashSet<(int, int)> seen = [];
        foreach ((int from, int to) in _edges)
        {
            int a = _unitOf[from];
            int b = _unitOf[to];
            if (a != b && seen.Add((a, b)))
            {
                _units[a].Successors.Add(b);
                _units[b].Predecessors.Add(a);
            }
        }
    }

    /// <summary>Longest path from the units nothing refers to; a leftover cycle (not expected) is broken at its first unit.</summary>
    private void AssignLayers()
    {
        int n = _units.Count;
        int[] waiting = [.. _units.Select(u => u.Predecessors.Count)];
        bool[] done = new bool[n];
        SortedSet<int> ready = [.. Enumerable.Range(0, n).Where(u => waiting[u] == 0)];
        int finished = 0;
        while (finished < n)
        {
            if (ready.Count == 0)
            {
                ready.Add(Enumerable.Range(0, n).First(u => !done[u]));
            }

            int unit = ready.Min;
            ready.Remove(unit);
            done[unit] = true;
            finished++;
            foreach (int next in _units[unit].Successors)
            {
                if (done[next])
                {
                    continue;
                }

                _units[next].Layer = Math.Max(_units[next].Layer, _units[unit].Layer + 1);
                if (--waiting[next] == 0)
                {
                    ready.Add(next);
                }
            }
        }

        int layerCount = _units.Max(u => u.Layer) + 1;
        _layers = new List<int>[layerCount];
        for (int l = 0; l < layerCount; l++)
        {
            _layers[l] = [];
        }

        for (int u = 0; u < n; u++)
        {
            _layers[_units[u].Layer].Add(u);
        }
    }

    /// <summary>A few sweeps of the barycentre heuristic to reduce crossings between layers.</summary>
    private void OrderLayers()
    {
        for (int sweep = 0; sweep < 4; sweep++)
        {
            CentreLayers();
            bool down = sweep % 2 == 0;
            for (int step = 1; step < _layers.Length; step++)
            {
                int l = down ? step : _layers.Length - 1 - step;
                List<int> layer = _layers[l];
                List<(double Key, int Index, int Unit)> keyed = [];
                for (int i = 0; i < layer.Count; i++)
                {
                    Unit unit = _units[layer[i]];
                    List<int> neighbours = down ? unit.Predecessors : unit.Successors;
                    double key = neighbours.Count == 0 ? unit.X : neighbours.Average(n => _units[n].X);
                    keyed.Add((key, i, layer[i]));
                }

                keyed.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Index.CompareTo(b.Index));
                _layers[l] = [.. keyed.Select(k => k.Unit)];
                CentreLayer(_layers[l], LayersWidth());
            }
        }
    }

    private double LayerWidth(List<int> layer) => layer.Sum(u => _units[u].Width) + (UnitGap * Math.Max(0, layer.Count - 1));

    private double LayersWidth() => _layers.Max(LayerWidth);

    private void CentreLayers()
    {
        double widest = LayersWidth();
        foreach (List<int> layer in _layers)
        {
            CentreLayer(layer, widest);
        }
    }

    private void CentreLayer(List<int> layer, double widest)
    {
        double x = (widest - LayerWidth(layer)) / 2;
        foreach (int u in layer)
        {
            _units[u].X = x + (_units[u].Width / 2);
            x += _units[u].Width + UnitGap;
        }
    }

    /// <summary>Pulls each unit towards the mean position of its neighbours, keeping order and spacing.</summary>
    private void PlaceHorizontally()
    {
        CentreLayers();
        for (int round = 0; round < 4; round++)
        {
            bool down = round % 2 == 0;
            for (int step = 0; step < _layers.Length; step++)
            {
                List<int> layer = _layers[down ? step : _layers.Length - 1 - step];
                double[] desired = [.. layer.Select(u =>
                {
                    List<int> neighbours = down ? _units[u].Predecessors : _units[u].Successors;
                    return neighbours.Count == 0 ? _units[u].X : neighbours.Average(n => _units[n].X);
                })];
                Spread(layer, desired);
            }
        }

        double left = _units.Min(u => u.X - (u.Width / 2));
        double right = _units.Max(u => u.X + (u.Width / 2));
        foreach (Unit unit in _units)
        {
            unit.X += Margin - left;
        }

        Width = right - left + (2 * Margin);
    }

    /// <summary>
    /// The positions closest to <paramref name="desired"/> that keep the layer's order and gaps: the mean of the
    /// tightest packing pushed right and the tightest packing pushed left (both keep the gaps, so their mean does).
    /// </summary>
    private void Spread(List<int> layer, double[] desired)
    {
        int m = layer.Count;
        double[] pushedRight = new double[m];
        double[] pushedLeft = new double[m];
        for (int i = 0; i < m; i++)
        {
            pushedRight[i] = i == 0 ? desired[0] : Math.Max(desired[i], pushedRight[i - 1] + Separation(layer, i - 1));
        }

        for (int i = m - 1; i >= 0; i--)
        {
            pushedLeft[i] = i == m - 1 ? desired[i] : Math.Min(desired[i], pushedLeft[i + 1] - Separation(layer, i));
        }

        for (int i = 0; i < m; i++)
        {
            _units[layer[i]].X = (pushedRight[i] + pushedLeft[i]) / 2;
        }
    }

    private double Separation(List<int> layer, int i) => ((_units[layer[i]].Width + _units[layer[i + 1]].Width) / 2) + UnitGap;

    private void PlaceVertically(double top)
    {
        CycleBoxes = new (double, double, double, double)[_cycles.Count];
        double y = top;
        foreach (List<int> layer in _layers)
        {
            double layerHeight = layer.Max(u => _units[u].Height);
            foreach (int u in layer)
            {
                Unit unit = _units[u];
                double centreY = y + (layerHeight / 2);
                for (int i = 0; i < unit.Members.Length; i++)
                {
                    X[unit.Members[i]] = unit.X + unit.OffsetX[i];
                    Y[unit.Members[i]] = centreY + unit.OffsetY[i];
                }

                if (unit.Cycle >= 0)
                {
                    CycleBoxes[unit.Cycle] = (unit.X - (unit.Width / 2), centreY - (unit.Height / 2), unit.Width, unit.Height);
                }
            }

            y += layerHeight + LayerGap;
        }

        Height = y - LayerGap + Margin;
    }
}
