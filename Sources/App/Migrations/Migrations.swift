import Fluent

/// Every migration, in the order they run. Append only: a released migration never changes.
enum Migrations {
    static let all: [any Migration] = [
        CreateWriteGate(),
        CreatePeople(),
        CreateAccounts(),
        CreateSettings(),
        CreateSessions(),
        CreateApiTokens(),
        CreateLoginFailures(),
        CreateAuditEvents(),
        MakeAuditAppendOnly(),
        CreateFrameworks(),
        CreateHRScopes(),
        IndexPeople(),
        CreatePeopleImports(),
        CreateJobRoles(),
        CreateFrameworkVersions(),
        CreateRecruitment(),
        CreateActions(),
        CreateObjectives(),
        CreateCheckIns(),
        CreateAssessments(),
        CreateFeedback(),
        CreateDevelopmentPlans(),
        CreateProbationReviews(),
        CreateReviewCycles(),
        CreateLearning(),
        CreateRisk(),
        IndexRiskHistory(),
        IndexRiskOrder(),
        CreateWorkshops(),
        CreateSurveys(),
    ]
}
