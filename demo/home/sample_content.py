"""Sample back-health content for the demo: every block, every relation, every field.

The text is written for the demo. It follows common UK guidance on low back pain but is
not a substitute for a clinician's review.
"""

HOME = {
    "title": "Riverside Back Clinic",
    "slug": "home",
    "intro": (
        "Physiotherapy and advice for back and neck problems. Start with our back health "
        "guides: what a condition is, what causes it, how it is treated and when to get help."
    ),
}

HUB_INTRO = (
    "Plain-English guides to common back and neck problems, what causes them and how they "
    "are treated. A guide one of our clinicians has reviewed says so at the bottom, with "
    "the date."
)

REVIEWER = {
    "name": "Dr Hannah Okafor",
    "role": "Consultant in musculoskeletal medicine",
    "registration": "Sample reviewer",
}

NICE_NG59 = {
    "title": "NICE guideline NG59: Low back pain and sciatica in over 16s",
    "url": "https://www.nice.org.uk/guidance/ng59",
}

CAUSES = [
    {
        "title": "Muscle strain",
        "slug": "muscle-strain",
        "summary": (
            "A stretched or slightly torn muscle or ligament, often after lifting, twisting "
            "or an unusual amount of activity. It is the most common cause of back pain."
        ),
        "alternate_names": "pulled muscle\nback sprain",
        "regions": ["lower-back", "middle-back"],
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Back muscles and ligaments can be strained by lifting something "
                    "heavy, lifting with a twist, a sudden movement, or a day of work the body "
                    "is not used to, such as gardening or moving house.</p>"
                    "<p>The pain usually starts within a day, feels stiff and achy, and often "
                    "gets worse when you move. It normally settles within a few weeks.</p>"
                ),
            },
            {
                "type": "warning",
                "value": {
                    "severity": "caution",
                    "heading": "Lifting safely",
                    "text": (
                        "<p>Keep the load close to your body, bend your knees rather than your "
                        "back, and turn with your feet instead of twisting.</p>"
                    ),
                    "items_lead": "",
                    "items": [],
                },
            },
        ],
    },
    {
        "title": "Poor posture",
        "slug": "poor-posture",
        "summary": (
            "Sitting or standing in one position for a long time, especially slumped, can "
            "make back and neck muscles ache."
        ),
        "alternate_names": "slouching",
        "regions": ["neck", "upper-back", "lower-back"],
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>No single posture is harmful in itself. Problems come from staying "
                    "still for too long. Changing position often, and getting up every 30 "
                    "minutes or so, matters more than sitting perfectly straight.</p>"
                ),
            },
        ],
    },
]

TREATMENTS = [
    {
        "title": "Physiotherapy",
        "slug": "physiotherapy",
        "summary": (
            "A physiotherapist assesses your back and gives you exercises and advice to "
            "help you move more easily and recover faster."
        ),
        "alternate_names": "physio",
        "treatment_kind": "physical_therapy",
        "regions": ["neck", "upper-back", "middle-back", "lower-back", "pelvis-and-sacrum"],
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>At your first appointment the physiotherapist will ask about your "
                    "pain, examine how you move and agree a plan with you. Most plans combine "
                    "an exercise programme you do at home with advice on staying active.</p>"
                ),
            },
            {
                "type": "inset",
                "value": {
                    "text": (
                        "<p>In many areas you can refer yourself to physiotherapy without "
                        "seeing a GP first.</p>"
                    )
                },
            },
        ],
    },
    {
        "title": "Ibuprofen",
        "slug": "ibuprofen",
        "summary": (
            "An anti-inflammatory painkiller that can ease back pain for a short time while "
            "you keep active."
        ),
        "alternate_names": "",
        "treatment_kind": "medicine",
        "generic_name": "ibuprofen",
        "brand_names": "Nurofen\nBrufen",
        "prescription_status": "general_sale",
        "regions": ["lower-back"],
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Ibuprofen is a non-steroidal anti-inflammatory drug (NSAID). Take the "
                    "lowest dose that helps, for the shortest time, with or after food.</p>"
                ),
            },
            {
                "type": "warning",
                "value": {
                    "severity": "caution",
                    "heading": "Check with a pharmacist first if you",
                    "text": "",
                    "items_lead": "any",
                    "items": [
                        "have had a stomach ulcer or bleeding",
                        "have asthma, kidney, liver or heart problems",
                        "are pregnant",
                        "take other medicines, including blood thinners",
                    ],
                },
            },
        ],
    },
]

CONDITIONS = [
    {
        "title": "Sciatica",
        "slug": "sciatica",
        "summary": (
            "Pain, tingling or numbness that travels from the lower back down the leg, caused "
            "by irritation of the sciatic nerve."
        ),
        "alternate_names": "",
        "regions": ["lower-back", "pelvis-and-sacrum"],
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Sciatica usually affects one leg and often feels worse than the back "
                    "pain itself. It usually gets better within 4 to 6 weeks but can last "
                    "longer.</p>"
                ),
            },
        ],
    },
    {
        "title": "Lower back pain",
        "slug": "lower-back-pain",
        "summary": (
            "Pain, stiffness or aching between the bottom of the ribs and the top of the legs. "
            "It is very common and usually gets better within a few weeks."
        ),
        "alternate_names": "lumbago\nbackache\nlow back pain",
        "regions": ["lower-back"],
        "causes": [
            ("muscle-strain", "The most common cause, often after lifting or twisting"),
            ("poor-posture", "Sitting still for long periods can make it worse"),
        ],
        "treatments": [
            ("physiotherapy", "Exercises and advice, especially if pain lasts over 2 weeks"),
            ("ibuprofen", "Short-term pain relief while you keep moving"),
        ],
        "related": [
            ("sciatica", "Back pain that spreads down the leg may be sciatica"),
        ],
        "image": {
            "title": "Regions of the back",
            "alt_text": (
                "Diagram of the spine divided into five regions: neck, upper back, middle "
                "back, lower back, and pelvis and sacrum."
            ),
            "caption": "Lower back pain is felt between the ribs and the top of the legs.",
        },
        "body": [
            {"type": "heading", "value": {"text": "Overview", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Most lower back pain is not caused by anything serious. It is often "
                    "called <em>non-specific</em> back pain because no single cause can be "
                    "found, and it usually improves within 2 to 6 weeks.</p>"
                ),
            },
            {"type": "image", "value": "IMAGE"},
            {
                "type": "warning",
                "value": {
                    "severity": "info",
                    "heading": "",
                    "text": (
                        "<p>Scans such as X-rays and MRI are rarely needed. They often show "
                        "changes that are normal with age and do not explain the pain.</p>"
                    ),
                    "items_lead": "",
                    "items": [],
                },
            },
            {"type": "heading", "value": {"text": "Things you can do", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Stay as active as you can and carry on with daily activities."
                    "</li><li>Try heat, such as a warm bath or a wrapped hot water bottle."
                    "</li><li>Take anti-inflammatory painkillers such as ibuprofen for a "
                    "short time if you need them. Paracetamol on its own is not recommended "
                    "for lower back pain.</li><li>Start the exercises below gently and build "
                    "up.</li></ul>"
                ),
            },
            {
                "type": "warning",
                "value": {
                    "severity": "caution",
                    "heading": "Avoid long periods of bed rest",
                    "text": (
                        "<p>Resting in bed for more than a day or two usually makes back pain "
                        "last longer. Keep moving, even slowly at first.</p>"
                    ),
                    "items_lead": "",
                    "items": [],
                },
            },
            {
                "type": "quote",
                "value": {
                    "quote": (
                        "Gentle movement is usually the best medicine for a sore back: little "
                        "and often beats resting for days."
                    ),
                    "attribution": "Riverside Back Clinic physiotherapy team",
                },
            },
            {
                "type": "exercise_list",
                "value": {
                    "heading": "Exercises for lower back pain",
                    "intro": (
                        "<p>Do these on a mat or carpet. Move slowly and stay within a "
                        "comfortable range. Some discomfort is normal at first.</p>"
                    ),
                    "exercises": [
                        {
                            "name": "Knee to chest",
                            "steps": [
                                "Lie on your back with your knees bent and feet flat.",
                                "Bring one knee towards your chest and hold it with both hands.",
                                "Lower it slowly and repeat with the other leg.",
                            ],
                            "dose": {
                                "sets": None,
                                "repetitions": 3,
                                "hold_seconds": 20,
                                "per_side": True,
                                "times_per_day": 2,
                                "days_per_week": None,
                            },
                            "cautions": ["Keep your head and shoulders on the floor."],
                        },
                        {
                            "name": "Pelvic tilt",
                            "steps": [
                                "Lie on your back with your knees bent.",
                                "Tighten your stomach and flatten your lower back into the floor.",
                                "Hold, then relax.",
                            ],
                            "dose": {
                                "sets": 2,
                                "repetitions": 10,
                                "hold_seconds": 5,
                                "per_side": False,
                                "times_per_day": 2,
                                "days_per_week": None,
                            },
                            "cautions": ["Breathe normally; do not hold your breath."],
                        },
                        {
                            "name": "Bridge",
                            "steps": [
                                "Lie on your back with your knees bent and arms by your sides.",
                                "Squeeze your buttocks and lift your hips until your body "
                                "makes a straight line from shoulders to knees.",
                                "Lower slowly.",
                            ],
                            "dose": {
                                "sets": 2,
                                "repetitions": 8,
                                "hold_seconds": None,
                                "per_side": False,
                                "times_per_day": 1,
                                "days_per_week": 5,
                            },
                            "cautions": [],
                        },
                    ],
                    "stop_if": [
                        "the pain gets much worse or spreads down your leg",
                        "you get numbness, tingling or weakness in your legs",
                    ],
                },
            },
            {"type": "heading", "value": {"text": "When to get help", "level": "h2"}},
            {
                "type": "inset",
                "value": {
                    "text": (
                        "<p>Our physiotherapists see people with back pain every day. You "
                        "do not need a referral to book an assessment.</p>"
                    )
                },
            },
            {
                "type": "warning",
                "value": {
                    "severity": "see_doctor",
                    "heading": "",
                    "text": "",
                    "items_lead": "any",
                    "items": [
                        "the pain does not start to improve within 2 weeks",
                        "the pain stops you doing your usual activities",
                        "the pain is very bad or keeps getting worse",
                        "you are worried about the pain or struggling to cope",
                    ],
                },
            },
            {
                "type": "warning",
                "value": {
                    "severity": "urgent",
                    "heading": "",
                    "text": "",
                    "items_lead": "any",
                    "items": [
                        "you have back pain and a high temperature or feel hot and shivery",
                        "you have lost weight without trying",
                        "the pain started after a fall or an injury",
                        "there is a lump or swelling in your back",
                        "you have had cancer before and now have back pain",
                    ],
                },
            },
            {
                "type": "warning",
                "value": {
                    "severity": "emergency",
                    "heading": "Call 999 or go to A&E if you have back pain and",
                    "text": (
                        "<p>These can be signs of cauda equina syndrome, when nerves at the "
                        "bottom of the spine are squeezed. It needs treatment in hospital "
                        "straight away.</p>"
                    ),
                    "items_lead": "any",
                    "items": [
                        "numbness around your genitals or bottom",
                        "you cannot pee, or cannot control when you pee or poo",
                        "numbness, tingling or weakness in both legs",
                        "the pain started after a serious accident, such as a car crash",
                    ],
                },
            },
        ],
    },
]
