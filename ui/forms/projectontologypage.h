#pragma once

#include "client/encordclient.h"
#include "requestgeneration.h"

#include <QWizardPage>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTreeView;

namespace Encord {

class OntologyStructureModel;

/// New project wizard, step 3: the project's ontology. Either an existing ontology, picked
/// from a filterable list with a preview of its structure, or an empty one the server makes
/// with the project. "New ontology…" asks the ontology creator (see setOntologyCreator()) and
/// picks what it made.
class ProjectOntologyPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectOntologyPage)

public:
    /// Makes a new ontology, typically by running the ontology editor as a modal dialog over
    /// @p parent: the new ontology's hash, or nullopt when the user gave up.
    using OntologyCreator = std::function<std::optional<QString>(QWidget *parent)>;

    explicit ProjectOntologyPage(EncordClient client, QWidget *parent = nullptr);
    ~ProjectOntologyPage() override;

    /// Enables "New ontology…"; without a creator the button is disabled.
    void setOntologyCreator(OntologyCreator creator);

    void initializePage() override;
    bool isComplete() const override;

    /// The chosen ontology; empty when the server is to make an empty one.
    QString ontologyHash() const;
    /// Its title, or a phrase for the empty one, for the summary.
    QString ontologyTitle() const;

    /// Lists the ontologies again and selects @p select once listed.
    void reload(const QString &select = {});

    QRadioButton *existingChoice() const { return m_existing; }
    QRadioButton *emptyChoice() const { return m_empty; }
    QListWidget *ontologyList() const { return m_list; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *newOntologyButton() const { return m_newOntology; }
    OntologyStructureModel *preview() const { return m_structure; }
    bool isLoaded() const { return m_loaded; }

private:
    void createOntology();
    void showPreview();
    void applyFilter();

    EncordClient m_client;
    RequestGeneration m_requests;
    OntologyCreator m_creator;
    QList<Ontology> m_ontologies;
    QRadioButton *m_existing;
    QRadioButton *m_empty;
    QLineEdit *m_filter;
    QListWidget *m_list;
    OntologyStructureModel *m_structure;
    QTreeView *m_tree;
    QPushButton *m_newOntology;
    QLabel *m_error;
    bool m_loaded = false;
    bool m_started = false;
};

} // namespace Encord
