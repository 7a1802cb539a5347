#include "cvatexportinfo.h"

namespace Encord::Cvat {

const CvatLabel *CvatExportInfo::label(const QString &name, const QString &parent) const
{
    for (const CvatLabel &candidate : labels) {
        if (candidate.name == name && candidate.parent == parent)
            return &candidate;
    }
    return nullptr;
}

QString CvatExportInfo::scopeName() const
{
    switch (scope) {
    case Scope::Task:
        return QStringLiteral("task");
    case Scope::Job:
        return QStringLiteral("job");
    case Scope::Project:
        return QStringLiteral("project");
    case Scope::Unknown:
        break;
    }
    return QStringLiteral("none");
}

} // namespace Encord::Cvat
