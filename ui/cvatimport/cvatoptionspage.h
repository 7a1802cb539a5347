#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Encord {

/// How the export becomes a project: the dataset's name, the review mode of the imported
/// labels, boxes as polygons, and how many uploads run at once.
class CvatOptionsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CvatOptionsPage)

public:
    explicit CvatOptionsPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QLineEdit *datasetName() const { return m_datasetName; }
    QComboBox *reviewMode() const { return m_reviewMode; }
    QCheckBox *boxesAsPolygons() const { return m_boxesAsPolygons; }
    QSpinBox *parallelUploads() const { return m_parallel; }

private:
    QLineEdit *m_datasetName;
    QLabel *m_nameProblem;
    QComboBox *m_reviewMode;
    QLabel *m_reviewExplanation;
    QCheckBox *m_boxesAsPolygons;
    QSpinBox *m_parallel;
    QString m_defaultedFor; ///< the export whose name was last put in as the default
};

} // namespace Encord
