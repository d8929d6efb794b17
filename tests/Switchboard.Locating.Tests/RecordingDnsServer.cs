using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Locating.Tests;

/// <summary>
/// A small authoritative DNS server on 127.0.0.1 (UDP, random port) answering canned A, AAAA, SRV and
/// NAPTR records, recording every question it gets. Unknown names get an empty NOERROR answer.
/// </summary>
public sealed class RecordingDnsServer : IDisposable
{
    private const ushort TypeA = 1, TypeAaaa = 28, TypeSrv = 33, TypeNaptr = 35;

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<(string Name, ushort Type), List<byte[]>> _records = new();
    private readonly ConcurrentQueue<(string Name, string Type)> _questions = new();
    private readonly Task _loop;

    public RecordingDnsServer()
    {
        _loop = Task.Run(ServeAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <summary>Questions asked so far, as ("name", "A"|"AAAA"|"SRV"|"NAPTR"|number).</summary>
    public IReadOnlyList<(string Name, string Type)> Questions => [.. _questions];

    public RecordingDnsServer A(string name, string ip) => Add(name, TypeA, IPAddress.Parse(ip).GetAddressBytes());

    public RecordingDnsServer Aaaa(string name, string ip) => Add(name, TypeAaaa, IPAddress.Parse(ip).GetAddressBytes());

    public RecordingDnsServer Srv(string name, ushort priority, ushort weight, ushort port, string target)
    {
        var data = new List<byte>();
        AppendUInt16(data, priority);
        AppendUInt16(data, weight);
        AppendUInt16(data, port);
        AppendName(data, target);
        return Add(name, TypeSrv, [.. data]);
    }

    public RecordingDnsServer Naptr(string name, ushort order, ushort preference, string flags, string services, string replacement)
    {
        var data = new List<byte>();
        AppendUInt16(data, order);
        AppendUInt16(data, preference);
        AppendCharacterString(data, flags);
        AppendCharacterString(data, services);
        AppendCharacterString(data, "");
        AppendName(data, replacement);
        return Add(name, TypeNaptr, [.. data]);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private RecordingDnsServer Add(string name, ushort type, byte[] rdata)
    {
        _records.GetOrAdd((Normalize(name), type), _ => []).Add(rdata);
        return this;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            if (TryAnswer(received.Buffer, out var response))
                await _socket.SendAsync(response, received.RemoteEndPoint, _stop.Token);
        }
    }

    private bool TryAnswer(byte[] query, out byte[] response)
    {
        response = [];
        if (query.Length < 17)
            return false;
        var offset = 12;
        var name = ReadName(query, ref offset);
        if (name is null || offset + 4 > query.Length)
            return false;
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(offset));
        var questionEnd = offset + 4;
        _questions.Enqueue((name, TypeName(type)));
        var answers = _records.TryGetValue((name, type), out var found) ? found : [];
        var output = new List<byte>();
        output.AddRange(query.AsSpan(0, 2).ToArray());               // id
        AppendUInt16(output, 0x8480 | ((query[2] & 0x01) << 8)); // QR, AA, RA; RD copied
        AppendUInt16(output, 1);
        AppendUInt16(output, (ushort)answers.Count);
        AppendUInt16(output, 0);
        AppendUInt16(output, 0);
        output.AddRange(query.AsSpan(12, questionEnd - 12).ToArray());
        foreach (var rdata in answers)
        {
            AppendName(output, name);
            AppendUInt16(output, type);
            AppendUInt16(output, 1);
            output.AddRange([0, 0, 0, 60]);
            AppendUInt16(output, (ushort)rdata.Length);
            output.AddRange(rdata);
        }
        response = [.. output];
        return true;
    }

    private static string? ReadName(byte[] buffer, ref int offset)
    {
        var labels = new List<string>();
        for (var count = 0; count < 128 && offset < buffer.Length; count++)
        {
            var length = buffer[offset++];
            if (length == 0)
                return Normalize(string.Join('.', labels));
            if (length > 63 || offset + length > buffer.Length)
                return null;
            labels.Add(Encoding.ASCII.GetString(buffer, offset, length));
            offset += length;
        }
        return null;
    }

    private static void AppendName(List<byte> output, string name)
    {
        foreach (var label in Normalize(name).Split('.', StringSplitOptions.RemoveEmptyEntries))
            AppendCharacterString(output, label);
        output.Add(0);
    }

    private static void AppendCharacterString(List<byte> output, string text)
    {
        output.Add((byte)text.Length);
        output.AddRange(Encoding.ASCII.GetBytes(text));
    }

    private static void AppendUInt16(List<byte> output, int value)
    {
        output.Add((byte)(value >> 8));
        output.Add((byte)value);
    }

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    private static string TypeName(ushort type) => type switch
    {
        TypeA => "A",
        TypeAaaa => "AAAA",
        TypeSrv => "SRV",
        TypeNaptr => "NAPTR",
        _ => type.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
