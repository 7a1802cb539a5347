#include "ontologydetails.h"

#include "modelformat.h"
#include "ontologystructuremodel.h"
#include "records/ontology.h"
#include "resourcelistmodel.h"
#include "structuretreeview.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeView>
#include <QVBoxLayout>

namespace Encord {

OntologyDetails::OntologyDetails(QWidget *parent)
    : DetailsPanel(parent)
    , m_structure(new OntologyStructureModel(this))
    , m_summary(addField(tr("Contents:")))
    , m_edited(addField(tr("Edited:")))
    , m_tree(StructureTreeView::create(m_structure, this))
{
    sections()->addWidget(StructureTreeView::heading(tr("Structure"), this));
    sections()->addWidget(m_tree, 1);
    showIndex({});
}

void OntologyDetails::showIndex(const QModelIndex &index)
{
    if (!index.isValid()) {
        setHeader({}, {}, {});
        m_structure->setStructure({});
        return;
    }
    const auto ontology = index.data(ResourceListModel::RecordRole).value<Ontology>();
    setHeader(ontology.title, ontology.description, ontology.ontologyHash);
    m_summary->setText(
        ModelFormat::count(ontology.editor.objects.size(), tr("object"), tr("objects"))
        + QStringLiteral(", ")
        + ModelFormat::count(
            ontology.editor.classifications.size(), tr("classification"), tr("classifications")));
    m_edited->setText(
        QLocale().toString(ontology.lastEditedAt.toLocalTime(), QLocale::ShortFormat));
    m_structure->setStructure(ontology.editor);
    m_tree->expandAll();
}

} // namespace Encord
