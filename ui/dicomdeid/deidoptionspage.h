#pragma once

#include "deidoptions.h"

#include <QWizardPage>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace Encord {

class SaveConditionEditor;

/// Second page: what de-identification does. Tag redaction (on by default), the pixel
/// redaction mode, save conditions, how copies are named (local files), and the upload folder
/// (integration files). States plainly that Patient Name is kept.
class DeidOptionsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeidOptionsPage)

public:
    explicit DeidOptionsPage(QWidget *parent = nullptr);
    ~DeidOptionsPage() override;

    /// The options as chosen; empty while a save condition cannot be read.
    std::optional<Dicom::DeidOptions> options() const;
    /// Integration files only: the folder for the copies, relative to the integration's root
    /// (empty: next to each source file).
    QString uploadDir() const;

    void setRedactTags(bool redact);
    void setPixelMode(Dicom::PixelRedactionMode mode);
    void setNaming(Dicom::OutputNaming naming);
    void setUploadDir(const QString &folder);
    SaveConditionEditor *conditionEditor() const { return m_conditions; }

    void initializePage() override;
    bool isComplete() const override;

private:
    void updateState();

    QCheckBox *m_redactTags;
    QComboBox *m_pixelMode;
    QLabel *m_pixelModeHint;
    SaveConditionEditor *m_conditions;
    QLabel *m_conditionProblem;
    QComboBox *m_naming;
    QLabel *m_namingHint;
    QWidget *m_namingRow;
    QLineEdit *m_uploadDir;
    QWidget *m_uploadRow;
    QFormLayout *m_outputForm;
};

} // namespace Encord
