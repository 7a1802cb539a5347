#pragma once

#include "client/encordclient.h"

#include <QModelIndex>
#include <QWidget>

#include <optional>

class QAction;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace Encord {

/// The panel beside a resource list that shows the selected row's details. Subclasses add
/// their own sections under the common header (title, description, id).
class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    /// The connection to fetch more details from.
    virtual void setClient(std::optional<EncordClient> client);
    /// Shows the row at @p index of a ResourceListModel (invalid: nothing selected).
    virtual void showIndex(const QModelIndex &index) = 0;
    /// Adds a button for @p action under the header (shown while a row is selected).
    void addActionButton(QAction *action);

protected:
    /// Fills the header; an empty title shows the "nothing selected" text.
    void setHeader(const QString &title, const QString &description, const QString &id);
    /// Adds a "label: value" row to the field list and returns the value label.
    QLabel *addField(const QString &label);
    /// Where subclasses put their sections, below the fields.
    QVBoxLayout *sections() const { return m_sections; }
    const std::optional<EncordClient> &client() const { return m_client; }

private:
    std::optional<EncordClient> m_client;
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_id;
    QWidget *m_body;
    QFormLayout *m_fields;
    QVBoxLayout *m_sections;
    QHBoxLayout *m_actions;
    QLabel *m_placeholder;
};

} // namespace Encord
