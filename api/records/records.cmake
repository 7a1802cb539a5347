# Sources of the Encord record types (value types with JSON conversion), relative to api/.
set(ENCORD_API_RECORD_SOURCES
    records/clientmetadataschema.cpp records/clientmetadataschema.h
    records/cloudintegration.cpp records/cloudintegration.h
    records/createdatasetresponse.cpp records/createdatasetresponse.h
    records/createprojectrequest.cpp records/createprojectrequest.h
    records/cvatexporttyperesult.cpp records/cvatexporttyperesult.h
    records/cvatimportjobstate.cpp records/cvatimportjobstate.h
    records/cvatimportresult.cpp records/cvatimportresult.h
    records/cvatissue.cpp records/cvatissue.h
    records/cvatissues.cpp records/cvatissues.h
    records/datarow.cpp records/datarow.h
    records/dataset.cpp records/dataset.h
    records/datasetaccesssettings.cpp records/datasetaccesssettings.h
    records/datasetapikey.cpp records/datasetapikey.h
    records/datasetsummary.cpp records/datasetsummary.h
    records/deidentifycondition.cpp records/deidentifycondition.h
    records/deidentifyjobstate.cpp records/deidentifyjobstate.h
    records/deidentifyrequest.cpp records/deidentifyrequest.h
    records/enums.cpp records/enums.h
    records/group.cpp records/group.h
    records/imagedata.cpp records/imagedata.h
    records/jsonhelpers.cpp records/jsonhelpers.h
    records/labelrow.cpp records/labelrow.h
    records/labelrowmetadata.cpp records/labelrowmetadata.h
    records/jsonreader.cpp records/jsonreader.h
    records/listingfilter.cpp records/listingfilter.h
    records/ontology.cpp records/ontology.h
    records/ontologyattribute.cpp records/ontologyattribute.h
    records/ontologyclassification.cpp records/ontologyclassification.h
    records/ontologyhelpers.cpp records/ontologyhelpers.h
    records/ontologyobject.cpp records/ontologyobject.h
    records/ontologyoption.cpp records/ontologyoption.h
    records/ontologystructure.cpp records/ontologystructure.h
    records/page.h
    records/pathelement.cpp records/pathelement.h
    records/project.cpp records/project.h
    records/projectapikey.cpp records/projectapikey.h
    records/projectdataset.cpp records/projectdataset.h
    records/projectworkflow.cpp records/projectworkflow.h
    records/projectworkflowsettings.cpp records/projectworkflowsettings.h
    records/skeletontemplate.cpp records/skeletontemplate.h
    records/skeletontemplatecoordinate.cpp records/skeletontemplatecoordinate.h
    records/storagefolder.cpp records/storagefolder.h
    records/storagefoldersummary.cpp records/storagefoldersummary.h
    records/storageitem.cpp records/storageitem.h
    records/uploadeditem.cpp records/uploadeditem.h
    records/uploadjobstate.cpp records/uploadjobstate.h
    records/uploadsignedurl.cpp records/uploadsignedurl.h
    records/wireenum.h
    records/workflowpathway.cpp records/workflowpathway.h
    records/workflowstage.cpp records/workflowstage.h
)
