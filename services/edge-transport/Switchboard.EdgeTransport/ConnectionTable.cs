using System.Collections.Concurrent;
using System.Net;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>
/// Open TCP/TLS connections by id (for "send over the flow this request came on") and by remote address and
/// transport (to reuse a connection for a new request, RFC 3261 §18.1.1). Also enforces the manual's TCP
/// "Input Channels" limit for incoming connections.
/// </summary>
internal sealed class ConnectionTable
{
    private readonly ConcurrentDictionary<long, StreamConnection> _byId = new();
    private readonly ConcurrentDictionary<(IPEndPoint Remote, SipTransport Transport), StreamConnection> _byRemote = new();
    private readonly int _inputChannels;
    private long _nextId;
    private int _incoming;

    public ConnectionTable(int inputChannels)
    {
        _inputChannels = inputChannels;
    }

    public int Count => _byId.Count;

    public int IncomingCount => Volatile.Read(ref _incoming);

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Reserves an incoming slot; false when the "Input Channels" limit is reached.</summary>
    public bool TryReserveIncoming()
    {
        while (true)
        {
            var current = Volatile.Read(ref _incoming);
            if (current >= _inputChannels)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _incoming, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void ReleaseIncoming() => Interlocked.Decrement(ref _incoming);

    public void Add(StreamConnection connection)
    {
        _byId[connection.Id] = connection;
        _byRemote[(connection.Remote, connection.Flow.Transport)] = connection;
        connection.ConnectionDisposed += Remove;
    }

    public bool TryGet(long id, out StreamConnection connection) =>
        _byId.TryGetValue(id, out connection!) && !connection.IsClosed;

    public bool TryGet(IPEndPoint remote, SipTransport transport, out StreamConnection connection) =>
        _byRemote.TryGetValue((remote, transport), out connection!) && !connection.IsClosed;

    public IEnumerable<StreamConnection> All => _byId.Values;

    private void Remove(StreamConnection connection)
    {
        _byId.TryRemove(connection.Id, out _);
        _byRemote.TryRemove(new KeyValuePair<(IPEndPoint, SipTransport), StreamConnection>((connection.Remote, connection.Flow.Transport), connection));
        if (connection.Incoming)
        {
            ReleaseIncoming();
        }
        Removed?.Invoke(connection);
    }

    public event Action<StreamConnection>? Removed;
}
