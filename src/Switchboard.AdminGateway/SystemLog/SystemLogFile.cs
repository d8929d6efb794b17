using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Events;

namespace Switchboard.AdminGateway.SystemLog;

/// <summary>
/// Appends records to the combined log file, one line each (continuation lines of a multi-line text are
/// indented by a tab), and rotates by size: system.log → system.1.log → … → system.N.log, the oldest deleted.
/// </summary>
public sealed class SystemLogFile : IDisposable
{
    private readonly SystemLogStoreOptions _options;
    private readonly string _path;
    private readonly Lock _lock = new();
    private FileStream? _stream; // guarded by _lock

    public SystemLogFile(IOptions<SystemLogStoreOptions> options)
    {
        _options = options.Value;
        if (_options.MaxFileBytes < 1 || _options.MaxFiles < 0 || string.IsNullOrWhiteSpace(_options.Directory))
        {
            throw new ArgumentException("AdminGateway:SystemLog needs a Directory, MaxFileBytes >= 1 and MaxFiles >= 0", nameof(options));
        }

        Directory.CreateDirectory(_options.Directory);
        _path = Path.Combine(_options.Directory, _options.FileName);
    }

    public string CurrentPath => _path;

    public void Write(LogRecorded record)
    {
        var line = Encoding.UTF8.GetBytes(Format(record));
        lock (_lock)
        {
            _stream ??= Open();
            if (_stream.Length > 0 && _stream.Length + line.Length > _options.MaxFileBytes)
            {
                Rotate();
            }

            _stream.Write(line);
            _stream.Flush();
        }
    }

    /// <summary>The rotated file number <paramref name="index"/> (1 = the newest rotated file).</summary>
    public string RotatedPath(int index) => Path.Combine(
        Path.GetDirectoryName(_path)!,
        $"{Path.GetFileNameWithoutExtension(_path)}.{index}{Path.GetExtension(_path)}");

    internal static string Format(LogRecorded record)
    {
        var text = record.Text.ReplaceLineEndings("\n\t");
        return $"{record.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {record.Service} {record.Tag} {record.Level}: {text}\n";
    }

    private FileStream Open() => new(_path, FileMode.Append, FileAccess.Write, FileShare.Read);

    // Called under _lock.
    private void Rotate()
    {
        _stream!.Dispose();
        if (_options.MaxFiles == 0)
        {
            File.Delete(_path);
        }
        else
        {
            File.Delete(RotatedPath(_options.MaxFiles));
            for (var i = _options.MaxFiles - 1; i >= 1; i--)
            {
                if (File.Exists(RotatedPath(i)))
                {
                    File.Move(RotatedPath(i), RotatedPath(i + 1));
                }
            }

            File.Move(_path, RotatedPath(1));
        }

        _stream = Open();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }
}
