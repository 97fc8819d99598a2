#include "shared/core/write_failure.hpp"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mh {
namespace {

// A write that failed without saying why: a full or read-only file system or an unwritable folder
// are the likely causes, and each can be checked after the fact.
int guessErrno(const std::filesystem::path& file) {
    std::filesystem::path dir = file.parent_path().empty() ? "." : file.parent_path();
    struct statvfs fsInfo {};
    if (::statvfs(dir.c_str(), &fsInfo) != 0) return errno;
    if (fsInfo.f_flag & ST_RDONLY) return EROFS;
    if (double(fsInfo.f_bavail) * double(fsInfo.f_frsize) < 1024.0 * 1024.0) return ENOSPC;
    if (::access(dir.c_str(), W_OK) != 0) return errno;
    return 0;
}

}  // namespace

Error writeFailure(const std::filesystem::path& file, int err) {
    const std::string name = file.filename().string(), dir = file.parent_path().string();
    const std::string unchanged = "原来的文件没有改动。", unchangedEn = "; any earlier file is unchanged";
    if (err == 0) err = guessErrno(file);
    switch (err) {
        case ENOSPC:
        case EDQUOT:
            return {"write.disk_full", "磁盘已满，无法写入 " + name + "；请清理 " + dir + " 所在磁盘的空间后再试。" + unchanged,
                    "the disk is full: cannot write " + file.string() + unchangedEn};
        case EACCES:
        case EPERM:
            return {"write.permission", "没有权限写入文件夹 " + dir + "，无法写入 " + name + "。" + unchanged,
                    "no permission to write in " + dir + unchangedEn};
        case EROFS:
            return {"write.read_only", "磁盘是只读的，无法写入 " + name + "。" + unchanged,
                    "read-only file system: cannot write " + file.string() + unchangedEn};
        case EIO:
            return {"write.io", "磁盘读写出错，无法写入 " + name + "；请检查存储卡或硬盘。" + unchanged,
                    "disk I/O error writing " + file.string() + unchangedEn};
        case EFBIG:
            return {"write.file_size", "文件超过了系统允许的大小，无法写入 " + name + "。" + unchanged,
                    "the file exceeds the system's size limit: " + file.string() + unchangedEn};
        case ENOENT:
        case ENOTDIR:
            return {"write.folder", "文件夹 " + dir + " 不存在，无法写入 " + name + "。" + unchanged,
                    "the folder " + dir + " does not exist" + unchangedEn};
        case ENOMEM:
            return {"write.memory", "内存不足，无法生成 " + name + "；请关闭其他程序后再试。" + unchanged,
                    "out of memory while making " + name + unchangedEn};
        case 0:
            return {"write.other", "无法写入文件 " + name + "。" + unchanged, "cannot write " + file.string() + unchangedEn};
        default:
            return {"write.other", "无法写入文件 " + name + "（系统错误：" + std::strerror(err) + "）。" + unchanged,
                    "cannot write " + file.string() + " (" + std::strerror(err) + ")" + unchangedEn};
    }
}

}  // namespace mh
