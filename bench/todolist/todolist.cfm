<cfoutput><section class="todo-list">
    <h1>
        posuere cubilia Curae; Vestibulum hendrerit malesuada odio. Fusce ut elit
        ut augue sollicitudin blandit. Phasellus volutpat lorem. Duis non pede et
        neque luctus tincidunt. Duis interdum tempus elit.
        <small>Aenean metus. Vestibulum ac lacus. Vivamus porttitor, massa ut.</small>
    </h1>
    <a href=#urlFor("/add")# class="todo-add"><i class="fa fa-plus-square"></i>Add Todo</a>
    <ul class="filter-category">
        <cfloop array="#categories#" item="item">
        <li style="background: #item.color#">
            <a href="/todos/category/#item.id#">#item.title#</a>
        </li>
        </cfloop>
    </ul>
    <cfloop array="#todos#" item="todo" index="i">
    <div>
        <h2>
            Todo #i#:
            <span class="todo-item content" data-todo-index="#i - 1#">
                #uCase("TODO: " & todo.title)#
            </span>
        </h2>
        <cfset id = todo.id><cfinclude template="todo-icon.cfm">

        <p class="description">
            Purus eu mi. Proin commodo, massa commodo dapibus elementum,
            libero lacus pulvinar eros, ut tincidunt nisl elit ut velit. Cras rutrum
            porta purus. Vivamus lorem. Sed turpis enim, faucibus quis, pharetra in,
            sagittis sed, magna. Curabitur ultricies felis ut libero. Nullam tincidunt
            enim eu nibh. Nunc eget ipsum in sem facilisis convallis. Proin fermentum
        </p>

        <div class="todo-meta">
            <cfif len(todo.category)>
                <span>#capitalize(todo.category)#</span>
            </cfif>
        </div>
        <a class="btn btn-primary" href=#urlFor("/edit/" & todo.id)#><i class="fa fa-pencil"></i> Edit</a>
        <a class="btn btn-default"><i class="fa fa-check"></i> Check</a>
        <a class="btn ben-danger" href=#urlFor("/delete/" & todo.id)#><i class="fa fa-trash-o"</i> Trash</a>
    </div>
    </cfloop>
</section></cfoutput>
