using System.Buffers;

namespace Switchboard.Sip.Tests.Framing;

/// <summary>A growing multi-segment <see cref="ReadOnlySequence{T}"/>, one segment per received chunk, as a pipe hands them over.</summary>
internal sealed class ChunkedSequence
{
    private Segment? _first;
    private Segment? _last;
    private SequencePosition _start;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var segment = new Segment(chunk.ToArray(), _last is null ? 0 : _last.RunningIndex + _last.Memory.Length);
        if (_last is null)
        {
            _first = segment;
            _start = new SequencePosition(segment, 0);
        }
        else
        {
            _last.SetNext(segment);
        }

        _last = segment;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes (what the framer consumed).</summary>
    public void Consume(long count) => _start = ToSequence().GetPosition(count);

    public ReadOnlySequence<byte> ToSequence() => _first is null
        ? ReadOnlySequence<byte>.Empty
        : new ReadOnlySequence<byte>((Segment)_start.GetObject()!, _start.GetInteger(), _last!, _last!.Memory.Length);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
