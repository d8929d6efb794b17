using System.Buffers;
using CsCheck;
using Switchboard.Sip.Framing;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Conformance;
using Switchboard.Sip.Validation;

namespace Switchboard.Sip.Tests.Fuzz;

/// <summary>
/// Mutated corpus messages and random bytes: the parser, framer, typed readers and validator must never throw, and
/// every range they return must lie inside the input. 4 × 30,000 = 120,000 cases.
/// </summary>
public sealed class SipParserFuzzTests
{
    private const int Iterations = 30_000;
    private static readonly byte[][] Corpus = Rfc4475Corpus.Cases.Select(c => c.ReadBytes()).ToArray();
    private static readonly byte[][] Tokens = ["\r\n"u8.ToArray(), "\r\n "u8.ToArray(), ","u8.ToArray(), ";"u8.ToArray(),
        "\""u8.ToArray(), "<"u8.ToArray(), ">"u8.ToArray(), ":"u8.ToArray(), "\\"u8.ToArray(), "="u8.ToArray(),
        "\r\n\r\n"u8.ToArray(), "Content-Length: 99999\r\n"u8.ToArray(), "l: -1\r\n"u8.ToArray(), "Via: ,\r\n"u8.ToArray()];

    private static readonly Gen<byte[]> CorpusMessage = Gen.Int[0, Corpus.Length - 1].Select(i => Corpus[i]);

    private static readonly Gen<byte[]> ByteFlips =
        Gen.Select(CorpusMessage, Gen.Int[0, int.MaxValue].Array[1, 8], Gen.Byte.Array[8], (m, positions, values) =>
        {
            var copy = (byte[])m.Clone();
            for (var i = 0; i < positions.Length; i++)
            {
                copy[positions[i] % copy.Length] = values[i];
            }

            return copy;
        });

    private static readonly Gen<byte[]> Inserts =
        Gen.Select(CorpusMessage, Gen.Int[0, int.MaxValue], Gen.Int[0, Tokens.Length - 1], Gen.Byte.Array[0, 6], (m, at, token, random) =>
        {
            var position = at % (m.Length + 1);
            var insert = at % 2 == 0 ? Tokens[token] : random;
            return Concat(m.AsSpan(0, position), insert, m.AsSpan(position));
        });

    private static readonly Gen<byte[]> TruncationsAndSplices =
        Gen.Select(CorpusMessage, CorpusMessage, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (a, b, cutA, cutB) =>
            cutB % 3 == 0 ? a[..(cutA % (a.Length + 1))] : Concat(a.AsSpan(0, cutA % (a.Length + 1)), default, b.AsSpan(cutB % (b.Length + 1))));

    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 1500];

    [Fact]
    public void Byte_flips() => ByteFlips.Sample(Check, iter: Iterations, threads: 1);

    [Fact]
    public void Inserted_separators_and_bytes() => Inserts.Sample(Check, iter: Iterations, threads: 1);

    [Fact]
    public void Truncations_and_splices() => TruncationsAndSplices.Sample(Check, iter: Iterations, threads: 1);

    [Fact]
    public void Random_bytes() => RandomBytes.Sample(Check, iter: Iterations, threads: 1);

    private static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        var result = new byte[a.Length + b.Length + c.Length];
        a.CopyTo(result);
        b.CopyTo(result.AsSpan(a.Length));
        c.CopyTo(result.AsSpan(a.Length + b.Length));
        return result;
    }

    private static readonly SipParser Parser = new(new SipParserOptions { MaxHeaderCount = 64 });
    private static readonly SipStreamFramer Framer = new();
    private static readonly SipMessageValidator UasValidator = new(new SipValidatorOptions { Role = SipElementRole.UserAgentServer });

    private static void Check(byte[] input)
    {
        var message = new SipMessage(4);
        var ok = Parser.TryParseDatagram(input, message, out var error);
        if (!ok)
        {
            Assert.True(error.IsError);
            Assert.Contains(error.StatusCode, (int[])[0, 400, 413, 505, 513]);
        }
        else
        {
            CheckRanges(message, input.Length);
            Assert.True(UasValidator.ValidateRequest(message).StatusCode is 0 or >= 400);
            Assert.False(UasValidator.ValidateResponse(message).StatusCode != 0);
        }

        var frame = Framer.Read(new ReadOnlySequence<byte>(input));
        if (frame.Status == SipFrameStatus.Message)
        {
            Assert.InRange(frame.Message.Length, 1, input.Length);
            Parser.TryParseFramed(frame.Message.ToArray(), message, out _);
        }
    }

    private static void CheckRanges(SipMessage m, int length)
    {
        void In(SipRange r)
        {
            if (r.IsPresent)
            {
                Assert.InRange(r.Start, 0, length);
                Assert.InRange(r.End, r.Start, m.Buffer.Length);
            }
        }

        In(m.MethodRange);
        In(m.RequestUri);
        In(m.Version);
        In(m.ReasonPhrase);
        In(m.Body);
        foreach (var h in m.Headers)
        {
            In(h.Name);
            In(h.Value);
            switch (h.Kind)
            {
                case HeaderKind.Via when m.TryGetVia(h, out var via):
                    In(via.Transport); In(via.Host); In(via.Branch); In(via.Received); In(via.Maddr); In(via.Parameters);
                    break;
                case HeaderKind.Contact when m.TryGetContact(h, out var contact):
                    In(contact.Address.Uri); In(contact.Address.DisplayName); In(contact.Address.Parameters); In(contact.Instance);
                    break;
                case HeaderKind.From or HeaderKind.To or HeaderKind.Route or HeaderKind.RecordRoute when m.TryGetNameAddress(h, out var na):
                    In(na.Uri); In(na.DisplayName); In(na.Parameters); In(na.GetTag(m.Span));
                    break;
                case HeaderKind.Authorization or HeaderKind.WwwAuthenticate when m.TryGetAuth(h, out var auth):
                    In(auth.Scheme); In(auth.Parameters);
                    foreach (var p in auth.GetParameters(m.Span))
                    {
                        In(p.Name); In(p.Value);
                    }

                    break;
            }
        }

        if (m.TryGetCSeq(out var cseq))
        {
            In(cseq.MethodRange);
        }

        if (m.TryGetTokenValue(HeaderKind.ContentType, out var ct))
        {
            In(ct.Token); In(ct.Parameters);
        }

        if (m.TryGetCallId(out var callId))
        {
            In(callId);
        }
    }
}
