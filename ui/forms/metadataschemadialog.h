#pragma once

#include "client/encordclient.h"
#include "requestgeneration.h"

#include <QDialog>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Encord {

/// Tools → Client Metadata Schema…: the organisation's schema as a table of key → type
/// (every type of spec §4.10), loaded from the server when the dialog opens. Keys are checked
/// as they are typed (present, unique, allowed characters); Save asks the user to confirm that
/// the table replaces the organisation's schema, then sends it in one request.
class MetadataSchemaDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataSchemaDialog)

public:
    /// Asked before saving; true goes ahead. The default shows a question box.
    using Confirmation = std::function<bool(QWidget *parent, int keyCount)>;

    explicit MetadataSchemaDialog(EncordClient client, QWidget *parent = nullptr);
    ~MetadataSchemaDialog() override;

    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    /// Adds a row (empty key, type "string" unless given) and returns its index.
    int addRow(const QString &key = {}, const QString &type = QStringLiteral("string"));
    /// The problems of the table, one sentence per bad row; empty when it can be saved.
    QStringList problems() const;
    /// The table as the bare mapping the server takes.
    ClientMetadataSchema schema() const;

    QTableWidget *table() const { return m_table; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *problemLabel() const { return m_problems; }
    QLabel *errorLabel() const { return m_error; }
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_busy; }

    /// The types offered, in wire spelling.
    static QStringList typeNames();

    void reject() override;

Q_SIGNALS:
    void saved();

private:
    void load();
    void validate();
    void save();
    void setBusy(bool busy);

    EncordClient m_client;
    RequestGeneration m_requests;
    Confirmation m_confirm;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_save;
    QLabel *m_problems;
    QLabel *m_error;
    QLabel *m_status;
    QProgressBar *m_progress;
    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace Encord
