using System.Buffers;
using Switchboard.Sip.Framing;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Framing;

/// <summary>Drives a framer the way a TCP transport does: chunks in, frames out, bounded in steps.</summary>
internal static class StreamFeeder
{
    public sealed record Frame(SipFrameStatus Status, byte[] Message, int CrlfCount, bool IsPing, SipParseError Error);

    public static (List<Frame> Frames, bool EndedNeedingData) Feed(SipStreamFramer framer, byte[] bytes, Random random, int maxChunk)
    {
        var frames = new List<Frame>();
        var buffer = new ChunkedSequence();
        var offset = 0;
        for (var step = 0; step < 100_000; step++)
        {
            var sequence = buffer.ToSequence();
            var frame = framer.Read(sequence);
            switch (frame.Status)
            {
                case SipFrameStatus.Message:
                case SipFrameStatus.KeepAlive:
                    frames.Add(new Frame(frame.Status, frame.Message.ToArray(), frame.CrlfCount, frame.IsPing, frame.Error));
                    buffer.Consume(sequence.Slice(0, frame.Consumed).Length);
                    break;
                case SipFrameStatus.Error:
                    frames.Add(new Frame(frame.Status, [], 0, false, frame.Error));
                    return (frames, false);
                default:
                    if (offset == bytes.Length)
                    {
                        return (frames, !sequence.IsEmpty);
                    }

                    var size = Math.Min(bytes.Length - offset, random.Next(1, maxChunk + 1));
                    buffer.Add(bytes.AsSpan(offset, size));
                    offset += size;
                    break;
            }
        }

        throw new InvalidOperationException("framer did not make progress");
    }
}
