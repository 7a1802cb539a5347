#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

// One test class for all record types; its slots are spread over tst_records_*.cpp by topic.
class TestRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // tst_records.cpp: shared machinery
    void shouldParseEveryAcceptedDateSpelling_data();
    void shouldParseEveryAcceptedDateSpelling();
    void shouldWriteV1AndV2DateSpellings_data();
    void shouldWriteV1AndV2DateSpellings();
    void shouldConvertKeySpellings_data();
    void shouldConvertKeySpellings();
    void shouldRoundTripKnownEnumValues_data();
    void shouldRoundTripKnownEnumValues();
    void shouldKeepUnknownEnumValues_data();
    void shouldKeepUnknownEnumValues();
    void shouldAcceptBothRedactModeSpellings_data();
    void shouldAcceptBothRedactModeSpellings();
    void shouldReadBothKeySpellingsAndKeepExtras();
    void shouldMergeExtrasOnlyWithoutCollision();
    void shouldReadAndWritePages();

    // tst_records_datasets.cpp
    void shouldReadV1DatasetWithRows();
    void shouldWriteDatasetAsExactV1Json();
    void shouldWriteEveryRequiredDataRowKey();
    void shouldReadDatasetSummaryFromBothGenerations_data();
    void shouldReadDatasetSummaryFromBothGenerations();
    void shouldWriteDatasetSummaryExactly();
    void shouldReadCreateDatasetResponses();
    void shouldReadDatasetApiKeyScopes_data();
    void shouldReadDatasetApiKeyScopes();

    // tst_records_projects.cpp
    void shouldReadV1Project();
    void shouldReadLabelRowMetadataWithAndWithoutLabels();
    void shouldReadLabelRowContent();
    void shouldReadV1ProjectListingElement();
    void shouldReadV2Project();
    void shouldWriteProjectInBothGenerations();
    void shouldKeepUnknownProjectStatus();
    void shouldBuildCreateProjectPayload_data();
    void shouldBuildCreateProjectPayload();
    void shouldReadProjectApiKey();

    // tst_records_ontology.cpp
    void shouldReadEveryShape_data();
    void shouldReadEveryShape();
    void shouldWriteStructureExactly();
    void shouldUpgradeLegacyStructure();
    void shouldWriteEmptyStructure();
    void shouldNestAttributesThreeLevelsDeep();
    void shouldKeepUnknownShapeAndExtraKeys();
    void shouldReadOntologyInEveryForm_data();
    void shouldReadOntologyInEveryForm();
    void shouldWriteOntologyInEveryForm();
    void shouldAllocateIdsLikeTheSdk();
    void shouldPickColoursLikeTheSdk();
    void shouldGenerateFeatureHashes();
    void shouldDeriveOptionValues_data();
    void shouldDeriveOptionValues();

    // tst_records_storage.cpp
    void shouldWriteEveryStorageFolderKey();
    void shouldWriteEveryStorageItemKey_data();
    void shouldWriteEveryStorageItemKey();
    void shouldRoundTripStorageItem();
    void shouldKeepClientMetadataAsText();
    void shouldReadFolderSummaryAndUploads();
    void shouldReadUploadJobState();

    // tst_records_misc.cpp
    void shouldConvertCloudIntegrations();
    void shouldConvertGroups();
    void shouldConvertClientMetadataSchema();
    void shouldConvertDeidentifyConditions_data();
    void shouldConvertDeidentifyConditions();
    void shouldBuildDeidentifyRequests();
    void shouldReadDeidentifyJobState();
    void shouldConvertCvatIssues();
    void shouldConvertCvatImportResults_data();
    void shouldConvertCvatImportResults();
    void shouldConvertCvatJobStateAndExportType();
    void shouldWriteListingFilter();
    void shouldReadListingFilter();
    void shouldMatchListingFilter_data();
    void shouldMatchListingFilter();
};

/// Parses a JSON object literal of a test; an invalid literal makes an empty object, which
/// then fails the comparison that uses it.
inline QJsonObject jsonObject(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

/// Compact JSON text with sorted keys: comparable, and readable when a QCOMPARE fails.
inline QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

inline QStringList sortedKeys(const QJsonObject &json)
{
    return json.keys(); // QJsonObject keeps its keys sorted
}
