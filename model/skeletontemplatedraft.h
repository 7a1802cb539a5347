#pragma once

#include "records/skeletontemplate.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Encord {

/// A skeleton template (spec §4.4) seen as an editor shows it: keypoints in rows, edges in rows.
///
/// The record keys its keypoints by index strings ("0", "1", …) and its edges by those keys
/// ({"<from>": {"<to>": {"color"}}}). Here keypoint row n is the n-th key in numeric order (not
/// the record's text order, where "10" sorts before "2"), and edges are listed by the rows they
/// join. Changes keep every key and every edge field they do not touch, so an imported template
/// is written back as it came until a keypoint is removed: then the keys are numbered 0…n-1
/// again, as the SDK numbers them, and the edges follow their keypoints.
class SkeletonTemplateDraft
{
    Q_DECLARE_TR_FUNCTIONS(Encord::SkeletonTemplateDraft)

public:
    /// One edge, by the keys of the keypoints it joins (a key no keypoint has is kept as is).
    struct Edge
    {
        QString from;
        QString to;
        QString color;

        bool operator==(const Edge &) const = default;
    };

    /// Something that keeps the template from being used, for the field it concerns.
    struct Problem
    {
        enum class Part {
            Frame,     ///< width and height
            Keypoints, ///< row: the keypoint, or -1 for the list as a whole
            Edges,     ///< row: the edge
        };
        Part part;
        int row;
        QString message;
    };

    explicit SkeletonTemplateDraft(SkeletonTemplate skeletonTemplate = {});

    /// The template an object starts with before its first keypoint: named @p name, a 1 × 1
    /// frame, nothing in it.
    static SkeletonTemplate blank(const QString &name = {});

    const SkeletonTemplate &record() const { return m_template; }
    /// Sets the template's own width and height (keypoint positions are fractions of them).
    void setFrame(double width, double height);

    // ---- Keypoints: O(n log n) per call, n being a handful of keypoints.

    int keypointCount() const { return int(m_template.skeleton.size()); }
    /// The record keys in row order.
    QStringList keys() const;
    /// The row of the keypoint with @p key; -1 when there is none.
    int rowOfKey(const QString &key) const;
    SkeletonTemplateCoordinate keypoint(int row) const;
    /// Replaces the keypoint in @p row; false when there is no such row.
    bool setKeypoint(int row, const SkeletonTemplateCoordinate &keypoint);
    /// Adds @p keypoint in the last row with the next free key; returns its row.
    int appendKeypoint(const SkeletonTemplateCoordinate &keypoint);
    /// Removes the keypoint in @p row and the edges that touch it, and numbers the keys 0…n-1.
    bool removeKeypoint(int row);
    /// Where a new keypoint goes when nothing better is known: a grid of spots in the frame,
    /// so that new keypoints do not hide each other.
    QPointF nextFreePosition() const;

    // ---- Edges: listed by the rows of their ends (a missing end sorts last).

    QList<Edge> edges() const;
    /// The edge (from, to) or (to, from) in edges(); -1 when the keypoints are not joined.
    int edgeBetween(const QString &a, const QString &b) const;
    /// Adds or replaces the edge from → to; returns its row in edges().
    int setEdge(const Edge &edge);
    /// Removes the edge in @p row of edges(); false when there is no such row.
    bool removeEdgeAt(int row);
    /// The first two neighbouring keypoints (row n-1 and n) not joined yet, else any two not
    /// joined; nothing when every pair is joined or there are fewer than two keypoints.
    std::optional<std::pair<int, int>> nextFreePair() const;

    // ---- Validation

    /// Empty names, names used twice (annotations name their keypoints, spec §4.4), no
    /// keypoint at all, edges to missing keypoints or to themselves, two edges between the
    /// same keypoints, a width or height not above 0. In the order the editor shows them.
    QList<Problem> problems() const;

private:
    SkeletonTemplate m_template;
};

} // namespace Encord
