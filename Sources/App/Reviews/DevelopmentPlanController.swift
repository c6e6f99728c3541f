import CapableCore
import Fluent
import Plot
import Vapor

/// A person's development plan. Read under the person-record rule; written by the person, their
/// managers and administrators.
enum DevelopmentPlanController {
    struct ItemForm: Content {
        var element_id: String?
        var gap: String?
        var description: String?
        var method: String?
        var due_on: String?
        /// A course from the catalogue (optional).
        var course_id: String?
    }

    struct StatusForm: Content {
        var status: String?
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        try await page(req, person: try await ObjectivesController.person(req), form: ItemForm(), errors: [])
    }

    static func page(_ req: Request, person: Person, form: ItemForm, errors: [FieldError]) async throws -> HTML {
        let personID = try person.requireID()
        let items = try await DevelopmentPlanItem.query(on: req.database).filter(\.$person.$id == personID).sort(\.$createdAt).all()
        let elements = try await Frameworks.latestElements(items.compactMap(\.elementID), on: req.database)
        let courses = try await Course.query(on: req.database).sort(\.$title).all()
        let courseTitles = Dictionary(courses.compactMap { course in course.id.map { ($0, course.title) } }, uniquingKeysWith: { first, _ in first })
        let bookings = try await Booking.query(on: req.database).filter(\.$id ~~ items.compactMap(\.bookingID)).with(\.$session).all()
        let bookingByID = Dictionary(bookings.compactMap { booking in booking.id.map { ($0, booking) } }, uniquingKeysWith: { first, _ in first })
        let canWrite = try await Objectives.canWrite(try req.requirePrincipal(), person: personID, on: req.database)
        return DevelopmentPlanPage.view(.init(
            personID: personID, personName: person.displayName, hasRole: person.$jobRole.id != nil, canWrite: canWrite,
            gaps: try await DevelopmentPlans.gaps(for: person, on: req.database),
            items: try items.map { item in
                let element = item.elementID.flatMap { elements[$0] }
                return .init(id: try item.requireID(), element: element.map { "\($0.row.code) \($0.row.title)" }, elementID: item.elementID,
                             description: item.summary, method: item.methodValue, dueOn: item.dueOn, status: item.statusValue, gap: item.gap,
                             course: item.courseID.flatMap { id in courseTitles[id].map { .init(id: id, title: $0) } },
                             booking: item.bookingID.flatMap { bookingByID[$0] }.map { .init(sessionID: $0.$session.id, when: $0.session.when, status: $0.statusValue.label) })
            },
            courses: try courses.map { .init(value: try $0.requireID().uuidString.lowercased(), label: $0.title) },
            form: form, errors: errors), context: PageContext(req))
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        let form = try req.content.decode(ItemForm.self)
        switch try await validate(form, on: req.database) {
        case .failure(let failed): return try await page(req, person: person, form: form, errors: failed.errors).response(status: .badRequest)
        case .success(let clean):
            try await create(clean, person: try person.requireID(), on: req)
            return req.redirect(to: SiteURL.developmentPlan(try person.requireID()).path, redirectType: .normal)
        }
    }

    struct Clean: Sendable {
        var element: UUID?
        var description: String
        var method: DevelopmentPlanItem.Method
        var dueOn: String?
        var gap: String?
        var course: UUID?
    }

    /// The problems with an item, by field, for the page and the API.
    static func validate(_ form: ItemForm, on db: any Database) async throws -> Result<Clean, FieldErrors> {
        var errors: [FieldError] = []
        let text = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.count > 500 { errors.append(.init(field: "description", message: "Describe what will be done (up to 500 characters)")) }
        let method = DevelopmentPlanItem.Method(rawValue: form.method ?? "")
        if method == nil { errors.append(.init(field: "method", message: "Choose how: a course, shadowing, coaching, a project or something else")) }
        let due = DateField.optional(form.due_on, field: "due_on", what: "the due date", errors: &errors)?.description
        let element = (form.element_id?.isEmpty ?? true) ? nil : UUID(uuidString: form.element_id ?? "")
        if form.element_id?.isEmpty == false, try await element.asyncMap({ try await Frameworks.latestElements([$0], on: db).isEmpty }) ?? true {
            errors.append(.init(field: "description", message: "The framework element is not in any published framework"))
        }
        var course: UUID?
        if let raw = form.course_id, !raw.isEmpty {
            course = UUID(uuidString: raw)
            if try await course.asyncMap({ try await Course.find($0, on: db) }) == nil {
                errors.append(.init(field: "course_id", message: "Choose a course from the catalogue, or none"))
            }
        }
        guard errors.isEmpty, let method else { return .failure(.init(errors)) }
        return .success(Clean(element: element, description: text, method: method, dueOn: due, gap: form.gap?.nilIfEmpty.map { String($0.prefix(200)) },
                              course: course))
    }

    @discardableResult
    static func create(_ clean: Clean, person: UUID, on req: Request) async throws -> DevelopmentPlanItem {
        let item = DevelopmentPlanItem()
        item.$person.id = person
        item.elementID = clean.element
        item.summary = clean.description
        item.method = clean.method.rawValue
        item.dueOn = clean.dueOn
        item.status = DevelopmentPlanItem.Status.planned.rawValue
        item.gap = clean.gap
        item.courseID = clean.course
        if let course = clean.course {
            // A place already held on one of the course's sessions is the item's booking.
            item.bookingID = try await Booking.query(on: req.database).filter(\.$person.$id == person)
                .filter(\.$status ~~ Booking.Status.live.map(\.rawValue))
                .join(CourseSession.self, on: \Booking.$session.$id == \CourseSession.$id).filter(CourseSession.self, \.$course.$id == course)
                .sort(\.$queuedAt, .descending).first()?.id
        }
        try await req.create(item)
        return item
    }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        guard let id = req.parameters.get("itemID", as: UUID.self),
              let item = try await DevelopmentPlanItem.query(on: req.database).filter(\.$id == id).filter(\.$person.$id == person.requireID()).first()
        else { throw AppError.notFound }
        guard let status = DevelopmentPlanItem.Status(rawValue: try req.content.decode(StatusForm.self).status ?? "") else {
            throw AppError.invalid([.init(field: "status", message: "Choose planned, in progress, done or dropped")])
        }
        try await req.update(item) { $0.status = status.rawValue }
        return req.redirect(to: SiteURL.developmentPlan(try person.requireID()).path, redirectType: .normal)
    }
}
