using System.Runtime.InteropServices;
using static Switchboard.MediaProxy.Relay.Epoll.LinuxInterop;

namespace Switchboard.MediaProxy.Relay.Epoll;

/// <summary>
/// A relay loop thread with its own epoll set (level-triggered) and an eventfd that wakes it for commands.
/// Fd safety: only this thread registers, unregisters and closes its sockets, and it holds a reference on each
/// socket's SafeHandle while registered, so a socket's fd cannot be closed (and its number reused by the kernel)
/// while the loop may still receive on it or send on it as a partner. Signalling threads post Add/Remove commands;
/// <see cref="Close"/> waits until the loop has unregistered and closed the socket, so the port is free on return.
/// Commands run between event batches, never while a batch is being forwarded.
/// </summary>
internal sealed unsafe partial class EpollRelayLoop : IRelayPump, IDisposable
{
    private const int MaxEvents = 64;
    private const ulong WakeData = ulong.MaxValue;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly int _epollFd;
    private readonly int _eventFd;
    private readonly Thread _thread;
    private readonly RelayBatch _batch = new();
    private readonly byte* _events;
    private readonly Lock _commandsGate = new();
    private readonly Queue<LoopCommand> _commands = new(); // guarded by _commandsGate
    private bool _stopped;                                  // guarded by _commandsGate; no command runs after it
    private readonly List<RelaySocket?> _slots = [];        // loop thread only: epoll data = slot index
    private readonly Stack<int> _freeSlots = new();         // loop thread only
    private int _registered;                                // written by the loop thread, read by tests
    private bool _disposed;

    public EpollRelayLoop(string name)
    {
        _events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * EpollEventSize));
        _epollFd = EpollCreate1(EpollCloexec);
        _eventFd = _epollFd < 0 ? -1 : EventFd(0, EventFdCloexec | EventFdNonBlock);
        var wake = stackalloc byte[16];
        WriteEvent(wake, EpollIn, WakeData);
        if (_eventFd < 0 || EpollCtl(_epollFd, EpollCtlAdd, _eventFd, wake) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            ReleaseNative();
            throw new InvalidOperationException($"epoll relay loop setup failed (errno {error})");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Sockets currently in this loop's epoll set.</summary>
    public int RegisteredSockets => Volatile.Read(ref _registered);

    public void Start(RelaySocket socket)
    {
        socket.Socket.Blocking = false; // never used for .NET async operations: .NET keeps it out of its own epoll
        if (!TryPost(new LoopCommand(LoopCommandKind.Add, socket, null)))
            throw new ObjectDisposedException(nameof(EpollRelayLoop), "the media relay is disposed");
    }

    public void Close(RelaySocket socket)
    {
        if (Environment.CurrentManagedThreadId == _thread.ManagedThreadId)
        {
            Unregister(socket);
            return;
        }

        using var done = new ManualResetEventSlim(false);
        if (TryPost(new LoopCommand(LoopCommandKind.Remove, socket, done)))
            done.Wait();
        else
            socket.Socket.Dispose(); // the loop has stopped and released every socket it held
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        TryPost(new LoopCommand(LoopCommandKind.Stop, null, null));
        if (_thread.Join(StopTimeout))
            ReleaseNative(); // a loop that did not stop keeps its memory rather than risk a use after free
    }

    /// <summary>Queues a command and wakes the loop; false once the loop has stopped.</summary>
    private bool TryPost(LoopCommand command)
    {
        lock (_commandsGate)
        {
            if (_stopped)
                return false;
            _commands.Enqueue(command);
            ulong one = 1;
            Write(_eventFd, &one, sizeof(ulong)); // under the gate: the eventfd is closed only after _stopped is set
            return true;
        }
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                var ready = EpollWait(_epollFd, _events, MaxEvents, -1);
                if (ready < 0)
                {
                    if (Marshal.GetLastPInvokeError() == EIntr)
                        continue;
                    return;
                }

                var wake = false;
                for (var i = 0; i < ready; i++)
                {
                    var data = EventData(_events, i);
                    if (data == WakeData)
                        wake = true;
                    else if (_slots[(int)data] is { } socket)
                        Drain(socket);
                }

                if (wake && !RunCommands())
                    return;
            }
        }
        finally
        {
            Shutdown();
        }
    }

    /// <summary>Runs queued commands; false when told to stop.</summary>
    private bool RunCommands()
    {
        ulong count;
        Read(_eventFd, &count, sizeof(ulong));
        while (true)
        {
            LoopCommand? command;
            lock (_commandsGate)
            {
                if (!_commands.TryDequeue(out command))
                    return true;
            }

            if (command.Kind == LoopCommandKind.Stop)
                return false;
            if (command.Kind == LoopCommandKind.Add)
                Register(command.Socket!);
            else
                Unregister(command.Socket!);
            command.Done?.Set();
        }
    }

    /// <summary>Stops taking commands, completes the queued removals and releases every socket still registered.</summary>
    private void Shutdown()
    {
        lock (_commandsGate)
            _stopped = true;
        while (_commands.TryDequeue(out var command))
        {
            if (command.Kind == LoopCommandKind.Remove)
                Unregister(command.Socket!);
            command.Done?.Set();
        }

        foreach (var socket in _slots)
        {
            if (socket is not null)
                Release(socket);
        }
    }

    private void Register(RelaySocket socket)
    {
        var handle = socket.Socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            return; // closed before the loop got to it
        }

        var fd = (int)handle.DangerousGetHandle();
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slots.Count;
        var registration = stackalloc byte[16];
        WriteEvent(registration, EpollIn, (ulong)slot);
        if (EpollCtl(_epollFd, EpollCtlAdd, fd, registration) != 0)
        {
            // Cannot happen for a fresh UDP socket; the socket then relays nothing and its packets count as lost.
            handle.DangerousRelease();
            _freeSlots.Push(slot);
            return;
        }

        if (slot == _slots.Count)
            _slots.Add(socket);
        else
            _slots[slot] = socket;
        socket.LoopSlot = slot;
        socket.LoopFd = fd;
        Volatile.Write(ref _registered, _registered + 1);
    }

    private void Unregister(RelaySocket socket)
    {
        if (socket.LoopSlot >= 0)
        {
            EpollCtl(_epollFd, EpollCtlDel, socket.LoopFd, null);
            _slots[socket.LoopSlot] = null;
            _freeSlots.Push(socket.LoopSlot);
            Release(socket);
        }

        socket.Socket.Dispose(); // no reference left: the fd is closed now, on this thread
    }

    private void Release(RelaySocket socket)
    {
        socket.LoopSlot = -1;
        socket.LoopFd = -1;
        socket.Socket.SafeHandle.DangerousRelease();
        Volatile.Write(ref _registered, _registered - 1);
    }

    private void ReleaseNative()
    {
        if (_eventFd >= 0)
            LinuxInterop.Close(_eventFd);
        if (_epollFd >= 0)
            LinuxInterop.Close(_epollFd);
        _batch.Dispose();
        NativeMemory.Free(_events);
    }
}
