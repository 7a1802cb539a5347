#pragma once

#include "cvatlabel.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Encord::Cvat {

/// What <annotations> says about the export as a whole: <version>, the <meta> scope and its
/// labels (spec cvat-format §2, §3, §5, §6).
struct CvatExportInfo
{
    enum class Scope {
        Unknown, ///< no <meta>: a hand-made file, treated as a task export
        Task,
        Job,
        Project,
    };
    enum class Flavour {
        Images, ///< "CVAT for images 1.1": <image> elements
        Video,  ///< "CVAT for video 1.1": <track> elements
        Empty,  ///< neither images nor tracks (known only once the whole file was read)
    };

    /// A task of the export: the meta <task> itself, or each <project><tasks><task>.
    struct Task
    {
        qint64 id = -1;
        QString name;
        QString subset;
        QString mode; ///< "annotation" (images) or "interpolation" (video)
        qint64 startFrame = 0;
        qint64 stopFrame = 0;
        int frameStep = 1; ///< from frame_filter "step=N"
        int originalWidth = 0;
        int originalHeight = 0;

        bool operator==(const Task &) const = default;
    };

    QString version; ///< empty when <version> is missing
    Scope scope = Scope::Unknown;
    Flavour flavour = Flavour::Images;
    qint64 id = -1;      ///< project, task or job id
    QString name;        ///< project or task name (jobs have none)
    QStringList subsets; ///< project exports
    QList<Task> tasks;
    /// Declared labels (skeleton sub-labels included, with parent set), then undeclared labels
    /// in the order shapes first used them.
    QList<CvatLabel> labels;

    /// The label @p name with parent @p parent (empty: a top-level label), or nullptr.
    const CvatLabel *label(const QString &name, const QString &parent = QString()) const;
    /// The scope as an identifier: "project", "task", "job" or "none" (no <meta>).
    QString scopeName() const;

    bool operator==(const CvatExportInfo &) const = default;
};

} // namespace Encord::Cvat
